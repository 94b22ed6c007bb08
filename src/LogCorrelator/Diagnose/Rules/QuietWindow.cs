namespace LogCorrelator.Diagnose.Rules;

/// <summary>
/// <c>quietBefore</c> and <c>settle</c>: the error's host logged nothing in
/// (tA - quiet, tA - settle): its last line before the settle gap is at least quiet old. The settle gap lets a burst of first uses after one idle
/// period (two stale pooled connections failing 2 ms apart) all count as coming after it.
/// </summary>
internal readonly record struct QuietWindow(long QuietMs, long SettleMs);
