using LogCorrelator.Text;

namespace LogCorrelator.Time;

/// <summary>
/// One <c>--tz 'GLOB=ZONE'</c>: the zone for the files whose path relative to the ingested folder
/// matches GLOB. A glob without '/' may also match the file name alone (<c>ERRORLOG*=+02:00</c>).
/// </summary>
public sealed class TzRule
{
    private readonly PathGlob _glob;

    private TzRule(PathGlob glob, ZoneSpec zone)
    {
        _glob = glob;
        Zone = zone;
    }

    public ZoneSpec Zone { get; }

    public static bool TryParse(string text, out TzRule? rule, out string? error)
    {
        rule = null;
        error = null;
        int eq = text.LastIndexOf('=');
        string glob = eq < 0 ? "**" : text[..eq].Trim();
        string zone = eq < 0 ? text : text[(eq + 1)..];
        if (glob.Length == 0)
            glob = "**";
        if (!ZoneSpec.TryParse(zone, out var z))
        {
            error = $"--tz '{text}': unknown zone '{zone.Trim()}' (use an offset like -08:00, an IANA name like America/New_York or a Windows name like Pacific Standard Time)";
            return false;
        }
        rule = new TzRule(new PathGlob(glob), z!);
        return true;
    }

    public bool Matches(string relativePath) => _glob.Matches(relativePath);

    /// <summary>The first rule that matches wins.</summary>
    public static ZoneSpec? Find(IReadOnlyList<TzRule> rules, string relativePath) =>
        rules.FirstOrDefault(r => r.Matches(relativePath))?.Zone;
}
