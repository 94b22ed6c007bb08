using LogCorrelator.Time;

namespace LogCorrelator.Ingest;

/// <summary>What the user asked of one ingest run.</summary>
public sealed record IngestOptions
{
    public IReadOnlyList<TzRule> TimeZones { get; init; } = [];
    /// <summary><c>--host</c>: the host of every event of the run.</summary>
    public string? Host { get; init; }
    /// <summary><c>--format</c>: skip detection.</summary>
    public string? Format { get; init; }
    /// <summary><c>--at</c>: the time of snapshots that carry none.</summary>
    public DateTimeOffset? At { get; init; }
    /// <summary>
    /// <c>collect</c>: the server's offset now (<c>SYSDATETIMEOFFSET()</c>), for a log that states none of its own;
    /// a log's own <c>UTC adjustment</c> wins, since an archive may come from the other side of a daylight-saving change.
    /// </summary>
    public ZoneSpec? ServerZone { get; init; }
}
