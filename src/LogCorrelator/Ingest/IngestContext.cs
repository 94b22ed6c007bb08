using LogCorrelator.Text;
using LogCorrelator.Time;

namespace LogCorrelator.Ingest;

/// <summary>Everything an ingester knows about the file it reads besides its lines.</summary>
public sealed class IngestContext
{
    public required string Path { get; init; }
    /// <summary>Path relative to the folder the user ingested, with '/' separators.</summary>
    public required string RelativePath { get; init; }
    public required SourceClock Clock { get; init; }
    public required IProblemReporter Problems { get; init; }
    public required NamePool Names { get; init; }
    public required FolderHints Hints { get; init; }
    /// <summary>The user's <c>--host</c>: wins over everything.</summary>
    public string? UserHost { get; init; }
    /// <summary>The first folder under the ingested root (<c>incident/APPSRV01/Logs/app.log</c> is APPSRV01).</summary>
    public string? FolderHost { get; init; }
    /// <summary>The user's <c>--at</c> for sources with no time of their own (netstat snapshots).</summary>
    public DateTimeOffset? At { get; init; }
    /// <summary>The file's last write time: the time of last resort for snapshots, marked assumed when used.</summary>
    public DateTimeOffset? Modified { get; init; }

    public string Folder => System.IO.Path.GetDirectoryName(Path) ?? "";

    /// <summary>The host an event belongs to: <c>--host</c>, else what the text names, else the folder.</summary>
    public string? ResolveHost(string? fromText) => UserHost ?? fromText ?? FolderHost;

    /// <summary>The lines of the file's first 64 KB, decoded: the general reader infers its timestamp forms from them.</summary>
    public IReadOnlyList<string>? Head { get; init; }

    /// <summary>Set by the ingester when the text names the machine (ERRORLOG's startup block).</summary>
    public string? SourceHost { get; set; }
}
