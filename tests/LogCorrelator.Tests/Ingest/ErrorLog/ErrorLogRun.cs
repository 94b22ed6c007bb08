using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Formats.ErrorLog;
using LogCorrelator.Tests.Support;
using LogCorrelator.Time;

namespace LogCorrelator.Tests.Ingest.ErrorLog;

/// <summary>Reads bytes or a sample through <see cref="ErrorLogFormat"/> (or another format) and keeps what came out.</summary>
internal sealed class ErrorLogRun : FormatRun
{
    /// <summary>Where the test pretends the file lives; only its folder matters (for <see cref="FolderHints"/>).</summary>
    public const string DefaultPath = "incident/SQLPROD01/ERRORLOG";

    private ErrorLogRun(byte[] bytes)
        : base(bytes)
    {
    }

    public static ErrorLogRun Read(byte[] bytes, string path = DefaultPath, ZoneSpec? userZone = null,
        FolderHints? hints = null, string? folderHost = null, string? userHost = null, ILogFormat? format = null) =>
        Read(new ErrorLogRun(bytes), format ?? new ErrorLogFormat(),
            new RunFile(path) { Zone = userZone, Hints = hints, FolderHost = folderHost, UserHost = userHost });

    public static ErrorLogRun ReadSample(string name, ZoneSpec? userZone = null, FolderHints? hints = null) =>
        Read(File.ReadAllBytes(SamplePath(name)), "incident-restart/SQLPROD01/" + name, userZone, hints, folderHost: "SQLPROD01");

    /// <summary>sample-logs/incident-restart/SQLPROD01/<paramref name="name"/>.</summary>
    public static string SamplePath(string name) => RepoPaths.File("sample-logs/incident-restart/SQLPROD01/" + name);

    /// <summary>An event's time as ISO 8601 UTC: <c>2024-03-05T11:32:04.310Z</c>.</summary>
    public static string IsoUtc(LogEvent e) =>
        DateTimeOffset.FromUnixTimeMilliseconds(e.Time).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);

    public static byte[] Utf16(string text) => [0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes(text)];

    public static byte[] Utf8(string text) => new System.Text.UTF8Encoding(false).GetBytes(text);
}
