using LogCorrelator.Events;
using LogCorrelator.Ingest.Classify;
using LogCorrelator.Ingest.Formats.Common;
using LogCorrelator.Ingest.Formats.Network;
using LogCorrelator.Ingest.Formats.Sniffing;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest.Formats.Odbc;

/// <summary>
/// What ODBC clients of SQL Server leave: the logs of C++ and .NET (System.Data.Odbc) applications
/// whose errors are ODBC diagnostics (<c>ERROR [08S01] [Microsoft][ODBC Driver 17 for SQL Server]...</c>,
/// <c>[Microsoft][ODBC SQL Server Driver][DBNETLIB]ConnectionRead (recv()).</c>), and the ODBC driver
/// manager's own trace (Windows SQL.LOG, unixODBC). The first line of the file says which of the two it is.
/// </summary>
internal sealed class OdbcFormat : ILogFormat, IEntryLayout
{
    public string Name => "odbc";

    public double Score(SniffSample sample)
    {
        SampleProfile profile = StampedLogSniffer.Profile(sample);
        if (profile.Owner == LogOwner.OdbcTrace)
            return profile.TraceHeaders >= 2 ? 0.98 : 0.7;
        return profile.ScoreFor(LogOwner.OdbcLog);
    }

    public void Read(LineReader lines, IngestContext context, IEventSink sink)
    {
        ILineFeed? reader = null;
        try
        {
            while (lines.TryReadLine(out Line line))
            {
                if (reader is null)
                {
                    if (line.Text.IsWhiteSpace())
                        continue;
                    reader = IsTraceStart(line.Text)
                        ? new OdbcTraceReader(context, sink, lines.Encoding)
                        : new StampedEntryFramer(this, context, sink, lines.Encoding);
                }
                reader.Feed(line);
            }
            reader?.Finish();
        }
        finally
        {
            reader?.Dispose();
        }
    }

    /// <summary>A trace opens with a record header, or with the date line a collection script wrote above it.</summary>
    private static bool IsTraceStart(ReadOnlySpan<char> line) =>
        TraceRecordHeaderParser.TryParse(line, out _) || DateLine.TryParse(line, out _);

    public bool TryParseHeader(ReadOnlySpan<char> line, out LogHeader header) => LogHeaderParser.TryParse(line, out header);

    public void ToEvent(EntryBuffer entry, in LogHeader header, IngestContext context, ref LogEvent e)
    {
        EntryEvent.Begin(entry, header, context, ref e);
        ReadOnlySpan<char> text = entry.Text;
        if (!ClientErrorClassifier.TryClassify(text, context.Names, out ClientError error))
            return;
        EntryEvent.SetError(error, ref e);
        // System.Data.Odbc's exception line, else the diagnostic a C++ application logged under its
        // own line (the one whose SQLSTATE was chosen, else the first); when the diagnostic is on the
        // record's line itself, the record's message already shows it.
        int firstLineEnd = EntryEvent.FirstLineEnd(text);
        int start, end;
        if (ExceptionLine.TryFind(text, out start, out end))
            EntryEvent.SetMessage(entry, start, end, ref e);
        else if (StatedNumbers.TrySqlState(text, out Range state) && state.Start.GetOffset(text.Length) > firstLineEnd)
        {
            (start, end) = OdbcText.TrimmedLine(text, state.Start.GetOffset(text.Length));
            EntryEvent.SetMessage(entry, start, end, ref e);
        }
        else if (OdbcText.TryFindDiagnosticLine(text, out start, out end))
            EntryEvent.SetMessage(entry, start, end, ref e);
    }
}
