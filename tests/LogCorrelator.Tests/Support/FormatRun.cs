using System.Globalization;
using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Text;
using LogCorrelator.Time;

namespace LogCorrelator.Tests.Support;

/// <summary>
/// Runs one format over bytes as the runner does for a file (encoding sniffed, head sampled, lines
/// framed, the format's reader into a list), keeps the events, problems and context, and reads each
/// event's message and entry back from the bytes by offset, as the store reads them from the file.
/// Each format family's run derives from it with its defaults (path, host, fixtures) and row layout:
/// <c>AppLogRun</c>, <c>ClefRun</c>, <c>ErrorLogRun</c>, <c>DriverRun</c>, <c>NetworkRun</c>.
/// </summary>
internal class FormatRun : IEventSink
{
    private readonly RecordingProblems _problems = new();

    protected FormatRun(byte[] bytes)
    {
        Bytes = bytes;
        Encoding = EncodingSniffer.Detect(bytes).Encoding;
    }

    public byte[] Bytes { get; }
    public SourceEncoding Encoding { get; }
    public List<LogEvent> Events { get; } = [];
    public List<(int Line, string Message)> Problems => _problems.Items;
    public IngestContext Context { get; private set; } = null!;
    public SourceClock Clock => Context.Clock;

    protected static T Read<T>(T run, ILogFormat format, RunFile file)
        where T : FormatRun
    {
        var (encoding, bom) = EncodingSniffer.Detect(run.Bytes);
        var head = run.Bytes.AsSpan(0, Math.Min(run.Bytes.Length, 64 * 1024));
        run.Context = new IngestContext
        {
            Path = file.Path,
            RelativePath = file.RelativePath ?? file.Path,
            Clock = new SourceClock(file.Zone),
            Problems = run._problems,
            Names = new NamePool(),
            Hints = file.Hints ?? new FolderHints(),
            FolderHost = file.FolderHost,
            UserHost = file.UserHost,
            At = file.At,
            Modified = file.Modified,
            Head = FormatDetector.Sample(Path.GetFileName(file.Path), head, encoding, bom).Head,
        };
        using var lines = new LineReader(new MemoryStream(run.Bytes), encoding, bom, run._problems);
        format.Read(lines, run.Context, run);
        return run;
    }

    public IEnumerable<LogEvent> OfKind(EventKind kind) => Events.Where(e => e.Kind == kind);

    public LogEvent Single(EventKind kind) => Assert.Single(OfKind(kind));

    public LogEvent AtLine(int line) => Assert.Single(Events, e => e.Line == line);

    /// <summary>The event's one-line message.</summary>
    public virtual string Message(in LogEvent e) => Decode(e.Offset + e.MessageOffset, e.MessageLength);

    /// <summary>The event's whole entry (header line, traceback or stack trace), line breaks included.</summary>
    public string Entry(in LogEvent e) => Decode(e.Offset, e.Length);

    protected string Decode(long offset, int length) => SourceEncodings.Of(Encoding).GetString(Bytes, (int)offset, length);

    public void Add(ref LogEvent e) => Events.Add(e);

    /// <summary>What the detector sees of a file: its name and first 64 KB.</summary>
    public static SniffSample SampleOf(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var (encoding, bom) = EncodingSniffer.Detect(bytes);
        return FormatDetector.Sample(Path.GetFileName(path), bytes.AsSpan(0, Math.Min(bytes.Length, 64 * 1024)), encoding, bom);
    }

    /// <summary>A time as the rows show it: <c>2024-03-05 11:32:04.310</c> (UTC).</summary>
    public static string Utc(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
