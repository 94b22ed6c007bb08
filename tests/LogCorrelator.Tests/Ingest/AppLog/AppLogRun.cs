using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Formats.AppLog;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Text;
using LogCorrelator.Time;

namespace LogCorrelator.Tests.Ingest.AppLog;

/// <summary>Reads text or a file through <see cref="AppLogFormat"/> and keeps what came out.</summary>
internal sealed class AppLogRun : IEventSink, IProblemReporter
{
    private AppLogRun(byte[] bytes) => Bytes = bytes;

    public byte[] Bytes { get; }
    public List<LogEvent> Events { get; } = [];
    public List<(int Line, string Message)> Problems { get; } = [];
    public IngestContext Context { get; private set; } = null!;

    public static AppLogRun Text(string text, string? folderHost = "APPSRV01", string? userHost = null) =>
        File(Encoding.UTF8.GetBytes(text), "app.log", folderHost, userHost);

    public static AppLogRun File(byte[] bytes, string path, string? folderHost = "APPSRV01", string? userHost = null)
    {
        var run = new AppLogRun(bytes);
        run.Context = new IngestContext
        {
            Path = path,
            RelativePath = Path.GetFileName(path),
            Clock = new SourceClock(null),
            Problems = run,
            Names = new NamePool(),
            Hints = new FolderHints(),
            FolderHost = folderHost,
            UserHost = userHost,
        };
        var (encoding, bom) = EncodingSniffer.Detect(bytes);
        using var stream = new MemoryStream(bytes);
        using var lines = new LineReader(stream, encoding, bom, run);
        new AppLogFormat().Read(lines, run.Context, run);
        return run;
    }

    public void Add(ref LogEvent e) => Events.Add(e);

    public void Report(int line, string message) => Problems.Add((line, message));

    public string Message(in LogEvent e) => Encoding.UTF8.GetString(Bytes, (int)(e.Offset + e.MessageOffset), e.MessageLength);

    public string Entry(in LogEvent e) => Encoding.UTF8.GetString(Bytes, (int)e.Offset, e.Length);

    public static string Utc(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
}
