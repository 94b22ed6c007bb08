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
internal sealed class DriverRun : FormatRun
{
    private DriverRun(byte[] bytes)
        : base(bytes)
    {
    }

    public List<LogEvent> Errors => Events.Where(e => e.Kind == EventKind.Error).ToList();

    public static DriverRun Text(ILogFormat format, string text, DateTimeOffset? at = null, DateTimeOffset? modified = null, ZoneSpec? zone = null) =>
        Of(format, System.Text.Encoding.UTF8.GetBytes(text), at, modified, zone);

    /// <summary>A file of <c>Fixtures/drivers/</c> or <c>Fixtures/recorded/</c>, by name.</summary>
    public static DriverRun Fixture(ILogFormat format, string name, DateTimeOffset? at = null, DateTimeOffset? modified = null) =>
        Of(format, File.ReadAllBytes(FixturePath(name)), at, modified);

    public static DriverRun Of(ILogFormat format, byte[] bytes, DateTimeOffset? at = null, DateTimeOffset? modified = null, ZoneSpec? zone = null) =>
        Read(new DriverRun(bytes), format, new RunFile("APPSRV01/client.log") { FolderHost = "APPSRV01", At = at, Modified = modified, Zone = zone });

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

    /// <summary>One line per event: UTC time, kind, code, SQLSTATE, host, first line number.</summary>
    public static string Row(in LogEvent e) => string.Create(CultureInfo.InvariantCulture,
        $"{Utc(e.Time)} {e.Kind.Name()} {e.Code?.ToString(CultureInfo.InvariantCulture) ?? "-"} {e.SqlState ?? "-"} {e.Host ?? "-"} line {e.Line}");
}
