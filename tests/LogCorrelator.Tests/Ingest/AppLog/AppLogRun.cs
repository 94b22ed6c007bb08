using LogCorrelator.Ingest.Formats.AppLog;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Ingest.AppLog;

/// <summary>Reads text or a file through <see cref="AppLogFormat"/> and keeps what came out.</summary>
internal sealed class AppLogRun : FormatRun
{
    private AppLogRun(byte[] bytes)
        : base(bytes)
    {
    }

    public static AppLogRun Text(string text, string? folderHost = "APPSRV01", string? userHost = null) =>
        File(System.Text.Encoding.UTF8.GetBytes(text), "app.log", folderHost, userHost);

    public static AppLogRun File(byte[] bytes, string path, string? folderHost = "APPSRV01", string? userHost = null) =>
        Read(new AppLogRun(bytes), new AppLogFormat(),
            new RunFile(path) { RelativePath = Path.GetFileName(path), FolderHost = folderHost, UserHost = userHost });
}
