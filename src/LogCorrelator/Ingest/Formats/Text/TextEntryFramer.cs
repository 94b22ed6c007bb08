using LogCorrelator.Events;
using LogCorrelator.Ingest.Formats.Network;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Time;

namespace LogCorrelator.Ingest.Formats.Text;

/// <summary>
/// Frames any text into entries. A line with a timestamp (of the file's forms, near its start)
/// opens an entry and the lines after it belong to it; where text has no timestamps, a paragraph,
/// a server message, a level prefix, a packet line or a new exception after a stack trace opens
/// one. An entry without a timestamp of its own takes the nearest one above it, else it has no time.
/// </summary>
internal sealed class TextEntryFramer : IDisposable
{
    private readonly StampProfile _profile;
    private readonly TextLayout _layout;
    private readonly IngestContext _context;
    private readonly IEventSink _sink;
    private readonly EntryBuffer _entry;
    private readonly TextEntry _classifier;

    private long _entryTime = EventTime.None;
    private long _entryLocal;
    private int _entryMessageStart;
    private bool _entryOwnStamp;
    private bool _entryIsErrorHeader;
    private bool _entryIsLogin;
    private bool _entryProcessColumn;
    private long _lastTime = EventTime.None;
    private DateOnly? _dateContext;
    private bool _blankBefore;
    private bool _headSeen;
    private bool _framesSeen;
    private bool _entryHasErrorLine;
    private bool _database;
    private LogEvent _event;

    public TextEntryFramer(StampProfile profile, TextLayout layout, IngestContext context, IEventSink sink, SourceEncoding encoding)
    {
        _profile = profile;
        _layout = layout;
        _context = context;
        _sink = sink;
        _entry = new EntryBuffer(encoding);
        _classifier = new TextEntry(context);
        _database = layout.Database;
    }

    private int _untimed;
    private int _significant;

    public void Feed(in Line raw)
    {
        int prefix = Transport.PrefixLength(raw.Text);
        var content = raw.Text[prefix..];
        if (Transport.IsFence(content) || content.IsWhiteSpace())
        {
            if (!_layout.DoubleSpaced)
                _blankBefore = true;
            return;
        }
        if (!_database && TextLayout.NamesDatabase(content))
            _database = true;

        if (_profile.TryFind(content, out StampParts parts, out int at, out int length) && ToUtc(parts, out long utc, out long local))
        {
            int messageStart = prefix + MessageStart(content, at + length, out bool processColumn);
            bool header = TextLines.IsErrorHeader(raw.Text[messageStart..], out _);
            // ERRORLOG writes an error as two lines with one timestamp; the SSMS viewer lists them newest first.
            bool pair = _entryOwnStamp && _entry.LineCount == 1 && local == _entryLocal
                && ((header && _entryIsLogin) || (_entryIsErrorHeader && !header));
            if (pair)
            {
                _entry.Append(raw);
            }
            else
            {
                Flush();
                _entryHasErrorLine = false;
                _entry.Start(raw);
                _entryTime = utc;
                _entryLocal = local;
                _entryOwnStamp = true;
                _entryMessageStart = messageStart;
                _entryProcessColumn = processColumn;
                _entryIsErrorHeader = header;
                _entryIsLogin = raw.Text[messageStart..].StartsWith("Login failed", StringComparison.Ordinal);
            }
            _lastTime = utc;
            _blankBefore = false;
            Track(content);
            return;
        }

        if (_profile.Primary is StampForm.TimeOfDay or StampForm.Syslog && DateLine.TryParse(content, out var dateStamp))
            _dateContext = TimestampParser.DateOf(dateStamp.LocalMs);

        bool afterHeader = _entryIsErrorHeader && _entry.LineCount == 1;
        // Pasted console output: a line that is a whole client error on its own, after an untimed entry that
        // already holds one, is the next output (a second run, the same error printed again).
        bool inUntimed = !_entryOwnStamp && !_entry.IsEmpty && !TextLines.IsContinuation(content);
        bool errorLine = inUntimed && IsErrorLine(content);
        bool nextRecord = errorLine && (_lastEndsStatement || StartsLikeRecord(content));
        bool opens = _entry.IsEmpty
            || (!afterHeader && _blankBefore && !TextLines.IsContinuation(content))
            || (!afterHeader && TextLines.StartsEntry(content))
            || (TextLines.IsExceptionHead(content) && !content.TrimStart().StartsWith("---", StringComparison.Ordinal)
                && (_framesSeen || (!_entryOwnStamp && !_headSeen && !_blankBefore)))
            || (nextRecord && _entryHasErrorLine);
        if (opens)
        {
            Flush();
            // Read once: a line already tested above is not tested again.
            _entryHasErrorLine = inUntimed ? errorLine : !_entryOwnStamp && IsErrorLine(content);
            _entry.Start(raw);
            _entryTime = _lastTime;
            _entryLocal = long.MinValue;
            _entryOwnStamp = false;
            _entryMessageStart = prefix + (content.Length - content.TrimStart().Length);
            _entryProcessColumn = false;
            _entryIsErrorHeader = TextLines.IsErrorHeader(content, out _);
        }
        else
        {
            _entry.Append(raw);
            _entryHasErrorLine |= errorLine;
        }
        _blankBefore = false;
        Track(content);
    }

    /// <summary>Set after each line: it ended a sentence or a record (a wrapped line ends mid-sentence).</summary>
    private bool _lastEndsStatement;

    // How a driver's diagnostic record begins (PHP, sqlcmd, ODBC, pyodbc): a new record, not a wrapped line.
    private static readonly string[] RecordStarts = ["SQLSTATE[", "Sqlcmd: Error:", "[Microsoft]", "[unixODBC]", "('08", "('HY", "('28"];

    private static bool StartsLikeRecord(ReadOnlySpan<char> content)
    {
        var t = content.TrimStart();
        foreach (var start in RecordStarts)
        {
            if (t.StartsWith(start, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private bool IsErrorLine(ReadOnlySpan<char> content) =>
        TextEntry.MaySignal(content) && Classify.ClientErrorClassifier.TryClassify(content, _context.Names, out _, _database, withAlternatives: true);

    public void Finish()
    {
        Flush();
        var notes = new List<string> { $"{_significant} significant {(_significant == 1 ? "event" : "events")}" };
        if (_profile.Forms.Count > 0)
            notes.Add("times as " + _profile.Describe());
        if (_untimed > 0)
            notes.Add($"{_untimed} {(_untimed == 1 ? "event" : "events")} without a time");
        _context.Clock.NoteTime(string.Join("; ", notes));
    }

    private void Track(ReadOnlySpan<char> content)
    {
        var end = content.TrimEnd();
        _lastEndsStatement = end.Length > 0 && end[^1] is '.' or ')' or '"' or '\'' or '»' or '」' or '`' or ':';
        if (TextLines.IsExceptionHead(content))
        {
            _headSeen = true;
            _framesSeen = false;
        }
        else if (TextLines.IsFrame(content))
        {
            _framesSeen = true;
        }
    }

    /// <summary>Past the timestamp: blanks, brackets and separators, then an ERRORLOG process column.</summary>
    private static int MessageStart(ReadOnlySpan<char> content, int i, out bool processColumn)
    {
        while (i < content.Length && content[i] is ' ' or '\t' or ']' or ',' or '|' or '-' or ':')
            i++;
        int word = i;
        while (word < content.Length && content[word] is not (' ' or '\t'))
            word++;
        var process = content[i..word];
        processColumn = process.StartsWith("spid", StringComparison.OrdinalIgnoreCase) || process is "Server" or "Logon" or "Backup";
        if (processColumn)
        {
            i = word;
            while (i < content.Length && content[i] is ' ' or '\t')
                i++;
        }
        return i;
    }

    private bool ToUtc(in StampParts parts, out long utc, out long local)
    {
        utc = local = 0;
        DateOnly date;
        if (parts.HasDate && parts.HasYear)
        {
            date = default;
        }
        else if (!parts.HasDate && _dateContext is { } known)
        {
            date = known;
        }
        else if (_context.At is { } at)
        {
            date = DateOnly.FromDateTime(at.UtcDateTime);
            _context.Clock.NoteTime(parts.HasDate ? "year from --at" : "date from --at");
        }
        else if (_context.Modified is { } modified)
        {
            date = DateOnly.FromDateTime(modified.UtcDateTime);
            _context.Clock.NoteTime(parts.HasDate ? "year from file mtime (assumed)" : "date from file mtime (assumed)");
        }
        else
        {
            return false;
        }
        LocalStamp stamp = parts.Complete(date);
        if (parts.HasDate && parts.HasYear)
            _dateContext = TimestampParser.DateOf(stamp.LocalMs);
        local = stamp.LocalMs;
        utc = _context.Clock.ToUtc(stamp);
        return true;
    }

    private void Flush()
    {
        if (_entry.IsEmpty)
            return;
        _classifier.ToEvent(_entry, _entryMessageStart, _entryProcessColumn, _entryTime, _database, _layout.WrapWidth, ref _event);
        _sink.Add(ref _event);
        if (_event.Kind != EventKind.Info)
            _significant++;
        if (_event.Time == EventTime.None)
            _untimed++;
        _entry.Clear();
        _headSeen = _framesSeen = false;
    }

    public void Dispose() => _entry.Dispose();

}
