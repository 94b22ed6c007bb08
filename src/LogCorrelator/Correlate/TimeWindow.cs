namespace LogCorrelator.Correlate;

/// <summary>
/// Which right-hand times qualify for a left-hand time t: those in [t - <see cref="Before"/>, t + <see cref="After"/>],
/// both edges inclusive. Offsets are milliseconds and never negative.
/// </summary>
internal readonly record struct TimeWindow
{
    public TimeWindow(long before, long after)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(before);
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        Before = before;
        After = after;
    }

    public long Before { get; }
    public long After { get; }

    /// <summary><c>A near B within w</c>: B in [tA - w, tA + w].</summary>
    public static TimeWindow Around(long w) => new(w, w);

    /// <summary><c>A after B within w</c>: B in [tA - w, tA].</summary>
    public static TimeWindow Preceding(long w) => new(w, 0);

    /// <summary><c>A before B within w</c>: B in [tA, tA + w].</summary>
    public static TimeWindow Following(long w) => new(0, w);
}
