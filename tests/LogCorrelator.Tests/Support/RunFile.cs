using LogCorrelator.Ingest;
using LogCorrelator.Time;

namespace LogCorrelator.Tests.Support;

/// <summary>
/// What the runner knows of a file before its format reads it, for a <see cref="FormatRun"/>: where it
/// pretends the file lives, the host its folder names, and what the user said (<c>--host</c>, <c>--tz</c>, <c>--at</c>).
/// </summary>
internal sealed record RunFile(string Path)
{
    /// <summary>The path from the ingested root; the whole <see cref="Path"/> when not given.</summary>
    public string? RelativePath { get; init; }

    public string? FolderHost { get; init; }

    public string? UserHost { get; init; }

    public ZoneSpec? Zone { get; init; }

    public FolderHints? Hints { get; init; }

    public DateTimeOffset? At { get; init; }

    /// <summary>The file's last write time, which sources without their own times may take.</summary>
    public DateTimeOffset? Modified { get; init; }
}
