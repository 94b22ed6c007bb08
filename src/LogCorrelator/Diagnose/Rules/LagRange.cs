namespace LogCorrelator.Diagnose.Rules;

/// <summary>How long after a related event an error may come (tA - tB, milliseconds, inclusive).</summary>
internal readonly record struct LagRange(long MinMs, long MaxMs)
{
    public bool Contains(long lagMs) => lagMs >= MinMs && lagMs <= MaxMs;
}
