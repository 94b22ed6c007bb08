using LogCorrelator.Events;
using LogCorrelator.Ingest.Classify;
using LogCorrelator.Ingest.Formats.Common;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Text;

namespace LogCorrelator.Ingest.Formats.Text;

/// <summary>
/// Turns an entry of any text into an event with the classifiers every format shares: SQL Server's
/// own messages first, then database client errors (escapes decoded), then network text.
/// </summary>
internal sealed class TextEntry
{
    private const long StartupSpanMs = 10 * 60_000L;

    // What one of the classifiers must see before it can call an entry anything but info: without any of
    // these words (and with no non-ASCII text, which translated phrases need), the entry is info at once.
    internal static readonly string[] SignalWords =
        [
            .. ClientErrorClassifier.AnchorWords, .. ClientErrorRules.All.Select(r => r.Phrase).Where(p => !p.AsSpan().ContainsAnyExceptInRange('\0', '\x7f')),
            "error", "fail", "timeout", "timed out", "refused", "reset", "closed", "abort", "exception", "Msg ", "Code: ",
            "Microsoft SQL Server", "SQL Server is", "Server process ID", "Process ID", "mirrored database", "availability",
            "Server shut down", "Starting up database", "Copyright (C)", "dynamic lock allocation", "Resource governor",
            "self-generated certificate", "tail of the log", "normal priority", "STACK DUMP", "Access Violation", "SqlDump",
            "Rip:", "RST", " rst seq=", "TIME_WAIT", "TIME-WAIT", "Flags [R", ".R..", "Reset: Set", "Chimney", "Receive-Side", "Auto-Tuning",
            "TCP Global", "NetDMA", "Direct Cache", "ECN Capability",
        ];

    private static readonly PhraseFilter Signals = new(SignalWords);

    /// <summary>False when no classifier could find anything in the text.</summary>
    public static bool MaySignal(ReadOnlySpan<char> text) => text.ContainsAnyExceptInRange('\0', '\x7f') || Signals.ContainsAny(text);

    private readonly IngestContext _context;
    private char[] _decoded = [];
    private bool _inStartup;
    private long _startupAt;

    public TextEntry(IngestContext context) => _context = context;

    /// <param name="processColumn">The entry's first line has an ERRORLOG process column (<c>spid52</c>, <c>Logon</c>) before its message.</param>
    public void ToEvent(EntryBuffer entry, int messageStart, bool processColumn, long time, bool database, int wrapWidth, ref LogEvent e)
    {
        ReadOnlySpan<char> text = entry.Text;
        int firstEnd = EntryEvent.FirstLineEnd(text);
        messageStart = Math.Min(messageStart, firstEnd);
        e.Clear();
        e.Time = time;
        e.Offset = entry.Offset;
        e.Length = entry.Length;
        e.Line = entry.FirstLine;
        e.Kind = EventKind.Info;
        string? named = HostToken.Find(text[..firstEnd], _context.Names);
        e.Host = _context.ResolveHost(named ?? _context.SourceHost);
        EntryEvent.SetMessage(entry, messageStart, firstEnd, ref e);
        if (!MaySignal(text))
            return;

        var first = text[messageStart..firstEnd];
        // An export that writes each field as "Key: value" on its own line (wild corpus jdbc-server/042).
        int keyed = text.IndexOf("Message: ", StringComparison.Ordinal);
        if (keyed >= 0 && (keyed == 0 || text[keyed - 1] is '\n' or ' ' or '\t'))
        {
            int end = text[keyed..].IndexOf('\n');
            first = text[(keyed + 9)..(end < 0 ? text.Length : keyed + end)];
        }
        var second = entry.LineCount > 1 ? SecondMessage(entry.LineText(1)) : [];
        bool serverShaped = processColumn || text.Contains("[CLIENT:", StringComparison.Ordinal) || text.Contains("Reason:", StringComparison.Ordinal);
        if (ServerMessage.TryClassify(first, second, serverShaped, _context.Names, ref e))
        {
            KeepOneRestart(ref e);
            if (TextLines.IsErrorHeader(first, out _) && entry.LineCount > 1)
                EntryEvent.SetMessage(entry, firstEnd + 1, LineEnd(text, firstEnd + 1), ref e);
            return;
        }

        // A one-line entry in ERRORLOG's shape (timestamp, process column) is SQL Server's own line, and what
        // ServerMessage did not recognise is the server's information, not a client's error.
        if (entry.LineCount == 1 && processColumn)
        {
            NetworkText.Classify(text, ref e);
            return;
        }
        var readable = Decoded(Unwrapped(entry, wrapWidth));
        // A number stated the way SQL Server tools state one (Msg N, Level L) makes the entry a database error in any context.
        if (ClientErrorClassifier.TryClassify(readable, _context.Names, out ClientError error, database || StatedNumbers.TryCode(readable, out _), withAlternatives: true))
        {
            EntryEvent.SetError(error, ref e);
            if (ExceptionLine.TryFind(text, out int start, out int end))
                EntryEvent.SetMessage(entry, start, end, ref e);
            return;
        }
        NetworkText.Classify(readable, ref e);
    }

    /// <summary>A startup block names its start three ways (banner, process id, log file): one restart per block.</summary>
    private void KeepOneRestart(ref LogEvent e)
    {
        // Ready ends a block but its tail (tempdb, a certificate) may follow: only a shutdown ends it at once.
        if (e.Kind is EventKind.Shutdown)
        {
            _inStartup = false;
            return;
        }
        if (e.Kind != EventKind.Restart)
            return;
        bool sameBlock = _inStartup && (!EventTime.IsKnown(e.Time) || !EventTime.IsKnown(_startupAt) || e.Time - _startupAt <= StartupSpanMs);
        if (sameBlock)
        {
            e.Kind = EventKind.Info;
            return;
        }
        _inStartup = true;
        _startupAt = e.Time;
    }

    /// <summary>The message of an ERRORLOG line under the first: past its timestamp and process column.</summary>
    private static ReadOnlySpan<char> SecondMessage(ReadOnlySpan<char> line)
    {
        line = line[Transport.PrefixLength(line)..];
        foreach (var column in Columns)
        {
            int at = line.IndexOf(column, StringComparison.Ordinal);
            if (at >= 0 && at < 40)
            {
                int i = at + column.Length;
                while (i < line.Length && line[i] != ' ')
                    i++;
                return line[i..].TrimStart();
            }
        }
        return line.TrimStart();
    }

    private static readonly string[] Columns = [" spid", " Server ", " Logon ", " Backup "];

    private static int LineEnd(ReadOnlySpan<char> text, int from)
    {
        int nl = text[from..].IndexOf('\n');
        return nl < 0 ? text.Length : from + nl;
    }

    /// <summary>The entry with lines cut at the wrap width joined again, so a phrase cut in two reads whole.</summary>
    private ReadOnlySpan<char> Unwrapped(EntryBuffer entry, int width)
    {
        var text = entry.Text;
        if (width == 0 || entry.LineCount < 2)
            return text;
        if (_joined.Length < text.Length)
            _joined = new char[Math.Max(text.Length, 2 * _joined.Length)];
        int n = 0;
        for (int i = 0; i < entry.LineCount; i++)
        {
            var whole = entry.LineText(i);
            var line = whole;
            // A terminal's continuation line may start with the blank it wrapped at.
            if (i > 0 && entry.LineText(i - 1).Length == width && line.Length > 0 && line[0] == ' ')
                line = line[1..];
            line.CopyTo(_joined.AsSpan(n));
            n += line.Length;
            if (i + 1 < entry.LineCount && whole.Length != width)
                _joined[n++] = '\n';
        }
        return _joined.AsSpan(0, n);
    }

    private char[] _joined = [];

    private ReadOnlySpan<char> Decoded(ReadOnlySpan<char> text)
    {
        if (!Transport.HasEscapes(text))
            return text;
        if (_decoded.Length < text.Length)
            _decoded = new char[Math.Max(text.Length, 2 * _decoded.Length)];
        int n = Transport.Decode(text, _decoded);
        return _decoded.AsSpan(0, n);
    }
}
