using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest.Formats.Common;

/// <summary>
/// One family of timestamped logs: which lines start an entry, and what a gathered entry (its first
/// line and the stack trace or traceback under it) means as an event.
/// </summary>
internal interface IEntryLayout
{
    bool TryParseHeader(ReadOnlySpan<char> line, out LogHeader header);

    void ToEvent(EntryBuffer entry, in LogHeader header, IngestContext context, ref LogEvent e);
}
