using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Text;
using LogCorrelator.Time;

namespace LogCorrelator.Tests.Support;

/// <summary>
/// Runs one format over bytes as the runner would for a file under <c>APPSRV01/</c>, keeps the events,
/// problems and clock, and reads each event's message and entry back from the bytes by offset, as the
/// store reads them from the file. The families' runs add their own fixtures and row layouts.
/// </summary>
internal class FormatRun : IEventSink
{
    private readonly byte[] _bytes;
    private readonly SourceEncoding _encoding;

    protected FormatRun(byte[] bytes)
    {
        _bytes = bytes;
        _encoding = EncodingSniffer.Detect(bytes).Encoding;
    }

    public List<LogEvent> Events { get; } = [];
    public RecordingProblems Problems { get; } = new();
    public SourceClock Clock { get; private set; } = new(null);

    protected static T Read<T>(T run, ILogFormat format, string path, DateTimeOffset? at, DateTimeOffset? modified, ZoneSpec? zone)
        where T : FormatRun
    {
        var (encoding, bom) = EncodingSniffer.Detect(run._bytes);
        run.Clock = new SourceClock(zone);
        var head = run._bytes.AsSpan(0, Math.Min(run._bytes.Length, 64 * 1024));
        var context = new IngestContext
        {
            Path = path,
            RelativePath = path,
            Clock = run.Clock,
            Problems = run.Problems,
            Names = new NamePool(),
            Hints = new FolderHints(),
            FolderHost = "APPSRV01",
            At = at,
            Modified = modified,
            Head = FormatDetector.Sample(System.IO.Path.GetFileName(path), head, encoding, bom).Head,
        };
        using var lines = new LineReader(new MemoryStream(run._bytes), encoding, bom, run.Problems);
        format.Read(lines, context, run);
        return run;
    }

    /// <summary>The event's one-line message.</summary>
    public string Message(in LogEvent e) => Decode(e.Offset + e.MessageOffset, e.MessageLength);

    /// <summary>The event's whole entry (header line, traceback or stack trace).</summary>
    public string Entry(in LogEvent e) => Decode(e.Offset, e.Length);

    private string Decode(long offset, int length) => SourceEncodings.Of(_encoding).GetString(_bytes, (int)offset, length);

    public void Add(ref LogEvent e) => Events.Add(e);
}
