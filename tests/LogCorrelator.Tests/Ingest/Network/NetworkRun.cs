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
internal sealed class NetworkRun : FormatRun
{
    private NetworkRun(byte[] bytes)
        : base(bytes)
    {
    }

    /// <summary>Each event as one line: UTC time, kind, count, peer, port, line and extra.</summary>
    public List<string> Rows => Events.Select(Row).ToList();

    public static NetworkRun Of(ILogFormat format, string text, DateTimeOffset? at = null, DateTimeOffset? modified = null, ZoneSpec? zone = null) =>
        Of(format, System.Text.Encoding.UTF8.GetBytes(text), at, modified, zone);

    public static NetworkRun Fixture(ILogFormat format, string name, DateTimeOffset? at = null, DateTimeOffset? modified = null) =>
        Of(format, File.ReadAllBytes(FixturePath(name)), at, modified);

    public static NetworkRun Of(ILogFormat format, byte[] bytes, DateTimeOffset? at = null, DateTimeOffset? modified = null, ZoneSpec? zone = null) =>
        Read(new NetworkRun(bytes), format, new RunFile("APPSRV01/net.txt") { FolderHost = "APPSRV01", At = at, Modified = modified, Zone = zone });

    /// <summary>What the detector sees of a fixture of <c>Fixtures/network/</c>.</summary>
    public static SniffSample Sample(string name) => SampleOf(FixturePath(name));

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

    public static string Row(LogEvent e) => string.Create(CultureInfo.InvariantCulture,
        $"{DateTimeOffset.FromUnixTimeMilliseconds(e.Time):yyyy-MM-dd HH:mm:ss.fff} {e.Kind.Name()} count={e.Count?.ToString(CultureInfo.InvariantCulture) ?? "-"} peer={e.Peer ?? "-"} port={e.Port?.ToString(CultureInfo.InvariantCulture) ?? "-"} line={e.Line} {e.Extra}");
}
