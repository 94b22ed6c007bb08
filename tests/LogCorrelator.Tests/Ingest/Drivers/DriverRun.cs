using System.Globalization;
using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Tests.Support;
using LogCorrelator.Text;
using LogCorrelator.Time;

namespace LogCorrelator.Tests.Ingest.Drivers;

/// <summary>
/// Runs one client-log format over text or a fixture file, as the runner would for a file under
/// <c>APPSRV01/</c>, and reads each event's message and entry back from the bytes by offset.
/// </summary>
internal sealed class DriverRun : IEventSink
{
    private readonly byte[] _bytes;
    private readonly SourceEncoding _encoding;

    private DriverRun(byte[] bytes, SourceEncoding encoding)
    {
        _bytes = bytes;
        _encoding = encoding;
    }

    public List<LogEvent> Events { get; } = [];
    public RecordingProblems Problems { get; } = new();
    public SourceClock Clock { get; private set; } = new(null);

    public List<LogEvent> Errors => Events.Where(e => e.Kind == EventKind.Error).ToList();

    public static DriverRun Text(ILogFormat format, string text, DateTimeOffset? at = null, DateTimeOffset? modified = null, ZoneSpec? zone = null) =>
        Bytes(format, Encoding.UTF8.GetBytes(text), at, modified, zone);

    /// <summary>A file of <c>Fixtures/drivers/</c> or <c>Fixtures/recorded/</c>, by name.</summary>
    public static DriverRun Fixture(ILogFormat format, string name, DateTimeOffset? at = null, DateTimeOffset? modified = null) =>
        Bytes(format, File.ReadAllBytes(FixturePath(name)), at, modified);

    public static DriverRun Bytes(ILogFormat format, byte[] bytes, DateTimeOffset? at = null, DateTimeOffset? modified = null, ZoneSpec? zone = null)
    {
        var (encoding, bom) = EncodingSniffer.Detect(bytes);
        var run = new DriverRun(bytes, encoding) { Clock = new SourceClock(zone) };
        var context = new IngestContext
        {
            Path = "APPSRV01/client.log",
            RelativePath = "APPSRV01/client.log",
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

    public static string FixturePath(string name)
    {
        foreach (string folder in (string[])["drivers", "recorded"])
        {
            string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", folder, name);
            if (File.Exists(path))
                return path;
        }
        throw new FileNotFoundException($"fixture {name} not found under Fixtures/drivers or Fixtures/recorded");
    }

    public static SniffSample Sample(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var (encoding, bom) = EncodingSniffer.Detect(bytes);
        return LogCorrelator.Ingest.FormatDetector.Sample(Path.GetFileName(path), bytes.AsSpan(0, Math.Min(bytes.Length, 64 * 1024)), encoding, bom);
    }

    /// <summary>The event's one-line message, read from the bytes as the store reads it from the file.</summary>
    public string Message(in LogEvent e) => Decode(e.Offset + e.MessageOffset, e.MessageLength);

    /// <summary>The event's whole entry (header line, traceback or stack trace).</summary>
    public string Entry(in LogEvent e) => Decode(e.Offset, e.Length);

    private string Decode(long offset, int length) => _encoding == SourceEncoding.Utf16LE
        ? Encoding.Unicode.GetString(_bytes, (int)offset, length)
        : Encoding.UTF8.GetString(_bytes, (int)offset, length);

    public static string Utc(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    /// <summary>One line per event: UTC time, kind, code, SQLSTATE, host, first line number.</summary>
    public static string Row(in LogEvent e) => string.Create(CultureInfo.InvariantCulture,
        $"{Utc(e.Time)} {e.Kind.Name()} {e.Code?.ToString(CultureInfo.InvariantCulture) ?? "-"} {e.SqlState ?? "-"} {e.Host ?? "-"} line {e.Line}");

    public void Add(ref LogEvent e) => Events.Add(e);
}
