using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest.Formats.Common;

/// <summary>
/// Groups a timestamped log into entries: a line the layout accepts as a header starts one, every
/// other line (stack frames, a traceback, <c>Caused by:</c>, blank lines inside an exception) joins
/// the entry above it. Lines before the first header are counted and reported once, never dropped silently.
/// </summary>
internal sealed class StampedEntryFramer : ILineFeed
{
    private readonly IEntryLayout _layout;
    private readonly IngestContext _context;
    private readonly IEventSink _sink;
    private readonly EntryBuffer _entry;
    private LogHeader _header;
    private LogEvent _event;
    private int _orphans;
    private int _firstOrphan;

    public StampedEntryFramer(IEntryLayout layout, IngestContext context, IEventSink sink, SourceEncoding encoding)
    {
        _layout = layout;
        _context = context;
        _sink = sink;
        _entry = new EntryBuffer(encoding);
    }

    public static void Read(LineReader lines, IngestContext context, IEventSink sink, IEntryLayout layout)
    {
        using var framer = new StampedEntryFramer(layout, context, sink, lines.Encoding);
        while (lines.TryReadLine(out Line line))
            framer.Feed(line);
        framer.Finish();
    }

    public void Feed(in Line line)
    {
        if (_layout.TryParseHeader(line.Text, out LogHeader next))
        {
            Flush();
            _header = next;
            _entry.Start(line);
        }
        else if (!_entry.IsEmpty)
            _entry.Append(line);
        else if (!line.Text.IsWhiteSpace() && _orphans++ == 0)
            _firstOrphan = line.Number;
    }

    public void Finish() => Flush();

    private void Flush()
    {
        if (!_entry.IsEmpty)
        {
            _layout.ToEvent(_entry, _header, _context, ref _event);
            _sink.Add(ref _event);
            _entry.Clear();
        }
        else if (_orphans > 0)
        {
            _context.Problems.Report(_firstOrphan, _orphans == 1
                ? "a line before the first timestamped entry was skipped"
                : $"{_orphans} lines before the first timestamped entry were skipped");
            _orphans = 0;
        }
    }

    public void Dispose() => _entry.Dispose();
}
