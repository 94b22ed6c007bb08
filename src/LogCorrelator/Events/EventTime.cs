namespace LogCorrelator.Events;

/// <summary>Event times are Unix milliseconds UTC; text that carries no time at all gives <see cref="None"/>.</summary>
public static class EventTime
{
    /// <summary>No time: stored and listed, shown as "—", left out of every window and relation.</summary>
    public const long None = long.MinValue;

    public static bool IsKnown(long t) => t != None;
}
