using System.Globalization;
using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Tests.Support;
using LogCorrelator.Text;
using LogCorrelator.Time;

namespace LogCorrelator.Tests.Ingest.Network;

/// <summary>
/// Runs one network format over text or a fixture, as the runner would for a file under
/// <c>APPSRV01/</c>, and keeps the events with their messages read back from the bytes.
/// </summary>
internal sealed class NetworkRun : IEventSink
{
    private readonly byte[] _bytes;
    private readonly SourceEncoding _encoding;

    private NetworkRun(byte[] bytes, SourceEncoding encoding)
    {
        _bytes = bytes;
        _encoding = encoding;
    }

    public List<LogEvent> Events { get; } = [];
    public RecordingProblems Problems { get; } = new();
    public SourceClock Clock { get; private set; } = new(null);

    /// <summary>Each event as one line: UTC time, kind, count, peer, port, line and extra.</summary>
    public List<string> Rows => Events.Select(Row).ToList();

    public static NetworkRun Of(ILogFormat format, string text, DateTimeOffset? at = null, DateTimeOffset? modified = null, ZoneSpec? zone = null) =>
        Of(format, Encoding.UTF8.GetBytes(text), at, modified, zone);

    public static NetworkRun Fixture(ILogFormat format, string name, DateTimeOffset? at = null, DateTimeOffset? modified = null) =>
        Of(format, File.ReadAllBytes(FixturePath(name)), at, modified);

    public static NetworkRun Of(ILogFormat format, byte[] bytes, DateTimeOffset? at = null, DateTimeOffset? modified = null, ZoneSpec? zone = null)
    {
        var (encoding, bom) = EncodingSniffer.Detect(bytes);
        var run = new NetworkRun(bytes, encoding);
        run.Clock = new SourceClock(zone);
        var context = new IngestContext
        {
            Path = "APPSRV01/net.txt",
            RelativePath = "APPSRV01/net.txt",
            Clock = run.Clock,
            Problems = run.Problems,
            Names = new NamePool(),
            Hints = new FolderHints(),
            FolderHost = "APPSRV01",
            At = at,
            Modified = modified,
        };
        using var lines = new LineReader(new MemoryStream(bytes), encoding, bom, run.Problems);
        format.Read(lines, context, run);
        return run;
    }

    public static SniffSample Sample(string name)
    {
        var bytes = File.ReadAllBytes(FixturePath(name));
        var (encoding, bom) = EncodingSniffer.Detect(bytes);
        return LogCorrelator.Ingest.FormatDetector.Sample(name, bytes.AsSpan(0, Math.Min(bytes.Length, 64 * 1024)), encoding, bom);
    }

    public static string FixturePath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "Fixtures", "network", name);
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException($"fixture network/{name} not found above {AppContext.BaseDirectory}");
    }

    public static DateTimeOffset Utc(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>The event's one-line message, read from the bytes as the store reads it from the file.</summary>
    public string Message(LogEvent e)
    {
        int start = (int)e.Offset + e.MessageOffset;
        return _encoding == SourceEncoding.Utf16LE
            ? Encoding.Unicode.GetString(_bytes, start, e.MessageLength)
            : Encoding.UTF8.GetString(_bytes, start, e.MessageLength);
    }

    public static string Row(LogEvent e) => string.Create(CultureInfo.InvariantCulture,
        $"{DateTimeOffset.FromUnixTimeMilliseconds(e.Time):yyyy-MM-dd HH:mm:ss.fff} {e.Kind.Name()} count={e.Count?.ToString(CultureInfo.InvariantCulture) ?? "-"} peer={e.Peer ?? "-"} port={e.Port?.ToString(CultureInfo.InvariantCulture) ?? "-"} line={e.Line} {e.Extra}");

    public void Add(ref LogEvent e) => Events.Add(e);
}
