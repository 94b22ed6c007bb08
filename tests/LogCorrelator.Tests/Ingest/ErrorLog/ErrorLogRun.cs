using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Tests.Ingest.ErrorLog;

/// <summary>What reading one file produced: its events and problems, with the bytes to check offsets against.</summary>
internal sealed record ErrorLogRun(byte[] Bytes, SourceEncoding Encoding, List<LogEvent> Events,
    List<(int Line, string Message)> Problems, IngestContext Context)
{
    public IEnumerable<LogEvent> OfKind(EventKind kind) => Events.Where(e => e.Kind == kind);

    public LogEvent Single(EventKind kind) => Assert.Single(OfKind(kind));

    public LogEvent AtLine(int line) => Assert.Single(Events, e => e.Line == line);

    /// <summary>The event's one-line message, decoded from the file's bytes by its byte range.</summary>
    public string Message(LogEvent e) => Decode(e.Offset + e.MessageOffset, e.MessageLength);

    /// <summary>The event's whole raw text, line breaks included.</summary>
    public string Raw(LogEvent e) => Decode(e.Offset, e.Length);

    private string Decode(long offset, int length) =>
        (Encoding == SourceEncoding.Utf16LE ? System.Text.Encoding.Unicode : System.Text.Encoding.UTF8)
            .GetString(Bytes, (int)offset, length);

    public static string Utc(LogEvent e) =>
        DateTimeOffset.FromUnixTimeMilliseconds(e.Time).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);

    public static byte[] Utf16(string text) => [0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes(text)];

    public static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);
}
