namespace LogCorrelator.Time;

/// <summary>How a source's offset to UTC is shown, by <c>ingest</c> as it reads and by <c>sources</c> later.</summary>
public static class OffsetText
{
    public static string Of(OffsetOrigin origin, string? zone, string? timeNote) => origin switch
    {
        OffsetOrigin.User => $"{zone} (--tz)",
        OffsetOrigin.File => $"{zone} (from file)",
        OffsetOrigin.InText => "in each timestamp",
        OffsetOrigin.Server => $"{zone} (the server's offset now; the log states none)",
        _ => "UTC (assumed)",
    } + (timeNote is null ? "" : "; " + timeNote);
}
