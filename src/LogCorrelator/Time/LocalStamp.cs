namespace LogCorrelator.Time;

/// <summary>A timestamp as written in a log: local wall-clock milliseconds, and the offset when the text gave one.</summary>
public readonly record struct LocalStamp(long LocalMs, int? OffsetMinutes)
{
    public bool HasOffset => OffsetMinutes.HasValue;
}
