using LogCorrelator.Events;
using LogCorrelator.Ingest.Classify;
using LogCorrelator.Ingest.Formats.Common;
using LogCorrelator.Ingest.Formats.Network;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Time;

namespace LogCorrelator.Ingest.Formats.Odbc;

/// <summary>
/// Reads an ODBC driver manager trace (Windows SQL.LOG or unixODBC) record by record. A record is
/// its header line and the indented lines under it; one that carries an error diagnostic
/// (<c>DIAG [08S01] ...</c>, a class other than 01) becomes one error event, the rest are the
/// trace's noise and produce nothing: a trace of a busy application is millions of calls.
/// </summary>
/// <remarks>
/// unixODBC stamps every record with Unix time. A Windows trace has no time at all: its records take
/// a date line at the top of the file (a collection script's <c>date</c>), else <c>--at</c>, else the
/// file's last write time, and the last two are noted on the source's clock as where times came from.
/// </remarks>
internal sealed class OdbcTraceReader : ILineFeed
{
    private readonly IngestContext _context;
    private readonly IEventSink _sink;
    private readonly EntryBuffer _record;
    private readonly SnapshotClock _clock;
    private TraceRecordHeader _header;
    private long? _fileTime;
    private bool _fallbackAsked;
    private bool _timeMissingReported;
    private int _firstDiag = -1;
    private LogEvent _event;

    public OdbcTraceReader(IngestContext context, IEventSink sink, SourceEncoding encoding)
    {
        _context = context;
        _sink = sink;
        _record = new EntryBuffer(encoding);
        _clock = new SnapshotClock(context, "trace time");
    }

    public void Feed(in Line line)
    {
        if (TraceRecordHeaderParser.TryParse(line.Text, out TraceRecordHeader next))
        {
            Flush();
            _header = next;
            _firstDiag = -1;
            _record.Start(line);
            return;
        }
        if (_record.IsEmpty)
        {
            // Before the first record: a date line times a Windows trace; anything else is the trace's preamble.
            if (_fileTime is null && _clock.TryDateLine(line.Text, out long utc, out _))
                _fileTime = utc;
            return;
        }
        if (_firstDiag < 0 && line.Text.TrimStart().StartsWith("DIAG [", StringComparison.Ordinal))
            _firstDiag = _record.LineCount;
        _record.Append(line);
    }

    public void Finish() => Flush();

    private void Flush()
    {
        if (_record.IsEmpty)
            return;
        if (_firstDiag >= 0)
            Emit();
        _record.Clear();
    }

    private void Emit()
    {
        ReadOnlySpan<char> text = _record.Text;
        int diagStart = LineStart(_firstDiag);
        ReadOnlySpan<char> diagnostics = text[diagStart..];
        if (!TryErrorDiagnostic(diagnostics, out int message, out int messageEnd))
            return;
        if (Time() is not long time)
            return;

        ref LogEvent e = ref _event;
        e.Clear();
        e.Time = time;
        e.Kind = EventKind.Error;
        e.Offset = _record.Offset;
        e.Length = _record.Length;
        e.Line = _record.FirstLine;
        e.Host = _context.ResolveHost(null);
        string call = "call=" + text[_header.Function].ToString();
        e.Extra = call;
        if (ClientErrorClassifier.TryClassify(diagnostics, _context.Names, out ClientError error))
        {
            e.Code = error.Code;
            e.SqlState = error.SqlState;
            e.Extra = error.Extra() is { } extra ? call + "; " + extra : call;
        }
        EntryEvent.SetMessage(_record, diagStart + message, diagStart + messageEnd, ref e);
        _sink.Add(ref e);
    }

    /// <summary>
    /// The first DIAG line whose SQLSTATE is an error (not class 01, the warnings that come with
    /// successes), as the range from its <c>[</c> to the end of its line; an SQL_ERROR exit counts
    /// its first DIAG whatever the class.
    /// </summary>
    private bool TryErrorDiagnostic(ReadOnlySpan<char> diagnostics, out int start, out int end)
    {
        start = end = -1;
        int pos = 0;
        while (pos < diagnostics.Length)
        {
            int nl = diagnostics[pos..].IndexOf('\n');
            int lineEnd = nl < 0 ? diagnostics.Length : pos + nl;
            ReadOnlySpan<char> line = diagnostics[pos..lineEnd];
            int diag = line.IndexOf("DIAG [", StringComparison.Ordinal);
            if (diag >= 0 && line[..diag].IsWhiteSpace())
            {
                int bracket = pos + diag + 5;
                bool warning = diagnostics[(bracket + 1)..].StartsWith("01", StringComparison.Ordinal);
                if (!warning || start < 0)
                    (start, end) = (bracket, TrimEnd(diagnostics, lineEnd));
                if (!warning)
                    return true;
            }
            pos = lineEnd + 1;
        }
        return start >= 0 && _header.ReturnCode == -1;
    }

    private static int TrimEnd(ReadOnlySpan<char> text, int end)
    {
        while (end > 0 && text[end - 1] is ' ' or '\t' or '\r')
            end--;
        return end;
    }

    private int LineStart(int line)
    {
        ReadOnlySpan<char> text = _record.Text;
        int pos = 0;
        for (int i = 0; i < line; i++)
            pos = text[pos..].IndexOf('\n') + pos + 1;
        return pos;
    }

    private long? Time()
    {
        if (_header.UtcMs is long utc)
            return _context.Clock.FromUtc(utc);
        if (_fileTime is long file)
            return file;
        if (!_fallbackAsked)
        {
            _fallbackAsked = true;
            _fileTime = _clock.Fallback();
            if (_fileTime is long fallback)
                return fallback;
        }
        if (!_timeMissingReported)
        {
            _timeMissingReported = true;
            _context.Problems.Report(_record.FirstLine, "an ODBC trace has no times of its own and the file's time is unknown: give --at");
        }
        return null;
    }

    public void Dispose() => _record.Dispose();
}
