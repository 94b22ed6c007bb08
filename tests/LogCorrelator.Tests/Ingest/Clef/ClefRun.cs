using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Formats.Clef;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Text;
using LogCorrelator.Time;

namespace LogCorrelator.Tests.Ingest.Clef;

/// <summary>Reads text or a file through <see cref="ClefFormat"/> and keeps what came out.</summary>
internal sealed class ClefRun : IEventSink, IProblemReporter
{
    private ClefRun(byte[] bytes, SourceEncoding encoding)
    {
        Bytes = bytes;
        Encoding = encoding;
    }

    public byte[] Bytes { get; }
    public SourceEncoding Encoding { get; }
    public List<LogEvent> Events { get; } = [];
    public List<(int Line, string Message)> Problems { get; } = [];
    public IngestContext Context { get; private set; } = null!;

    public static ClefRun Lines(params string[] lines) => Text(string.Join("\n", lines) + "\n");

    public static ClefRun Text(string text, string? folderHost = "WEBFOLDER", string? userHost = null) =>
        File(System.Text.Encoding.UTF8.GetBytes(text), "app.clef", folderHost, userHost);

    public static ClefRun File(byte[] bytes, string path, string? folderHost = "WEBFOLDER", string? userHost = null)
    {
        var (encoding, bom) = EncodingSniffer.Detect(bytes);
        var run = new ClefRun(bytes, encoding);
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
        using var stream = new MemoryStream(bytes);
        using var lines = new LineReader(stream, encoding, bom, run);
        new ClefFormat().Read(lines, run.Context, run);
        return run;
    }

    public void Add(ref LogEvent e) => Events.Add(e);

    public void Report(int line, string message) => Problems.Add((line, message));

    private System.Text.Encoding TextEncoding => Encoding == SourceEncoding.Utf16LE ? System.Text.Encoding.Unicode : System.Text.Encoding.UTF8;

    /// <summary>The message bytes as they sit in the file: the content of a JSON string.</summary>
    public string RawMessage(in LogEvent e) => TextEncoding.GetString(Bytes, (int)(e.Offset + e.MessageOffset), e.MessageLength);

    /// <summary>The message as the store shows it.</summary>
    public string Message(in LogEvent e) => JsonStringText.Decode(RawMessage(e));

    public string Entry(in LogEvent e) => TextEncoding.GetString(Bytes, (int)e.Offset, e.Length);

    public static string Utc(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
}
