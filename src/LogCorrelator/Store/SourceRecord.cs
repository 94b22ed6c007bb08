using LogCorrelator.Events;
using LogCorrelator.Time;

namespace LogCorrelator.Store;

/// <summary>One ingested file as the store remembers it; <see cref="TimeNote"/> says where times came from when the text had none.</summary>
public sealed record SourceRecord(
    long Id,
    string Path,
    string RelativePath,
    string Format,
    SourceEncoding Encoding,
    long Size,
    long ModifiedTicks,
    OffsetOrigin OffsetOrigin,
    string? Zone,
    string? Host,
    long Events,
    int Problems,
    DateTimeOffset? First,
    DateTimeOffset? Last,
    string? TimeNote = null)
{
    /// <summary>
    /// The format name of sources whose messages are raw JSON strings (CLEF). The store owns the name and
    /// the CLEF reader takes it from here, so the store needs nothing of the readers (dependencies point
    /// Ingest → Store).
    /// </summary>
    public const string JsonMessagesFormat = "clef";

    /// <summary>
    /// The event messages of this source are byte ranges of raw JSON strings (CLEF's <c>@m</c>, <c>@mt</c>,
    /// <c>@x</c>), shown unescaped. Keyed on the format name the source row already carries, so the
    /// schema needs no flag.
    /// </summary>
    public bool MessageIsJsonString => string.Equals(Format, JsonMessagesFormat, StringComparison.Ordinal);

    /// <summary>The offset to UTC as <c>logcorr sources</c> shows it, saying where it came from.</summary>
    public string OffsetText => Time.OffsetText.Of(OffsetOrigin, Zone, TimeNote);
}
