using LogCorrelator.Events;
using LogCorrelator.Ingest.Classify;
using LogCorrelator.Ingest.Formats.Common;
using LogCorrelator.Ingest.Formats.Sniffing;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest.Formats.Python;

/// <summary>
/// Logs of Python applications (<c>logging</c>), where pyodbc's errors show up: one entry per record,
/// its traceback included. An entry carrying a database client error becomes an error event whose
/// message is the traceback's closing exception line (or the record's own text when it has no traceback,
/// as with Python 2's <c>'[01000] ...; [08S01] ...'</c> strings logged inline).
/// </summary>
internal sealed class PythonFormat : ILogFormat, IEntryLayout
{
    public string Name => "python";

    public double Score(SniffSample sample) => StampedLogSniffer.Profile(sample).ScoreFor(LogOwner.Python);

    public void Read(LineReader lines, IngestContext context, IEventSink sink) =>
        StampedEntryFramer.Read(lines, context, sink, this);

    public bool TryParseHeader(ReadOnlySpan<char> line, out LogHeader header) => PythonHeaderParser.TryParse(line, out header);

    public void ToEvent(EntryBuffer entry, in LogHeader header, IngestContext context, ref LogEvent e)
    {
        EntryEvent.Begin(entry, header, context, ref e);
        ReadOnlySpan<char> text = entry.Text;
        if (!ClientErrorClassifier.TryClassify(text, context.Names, out ClientError error))
            return;
        EntryEvent.SetError(error, ref e);
        if (PythonTraceback.TryFindExceptionLine(text, out int start, out int end))
            EntryEvent.SetMessage(entry, start, end, ref e);
    }
}
