using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace LogCorrelator.Text;

/// <summary>
/// Replaces host names, IP addresses (v4 and v6) and user names with pseudonyms (<c>host-3f2a1c</c>,
/// <c>ip-…</c>, <c>user-…</c>) so a report can leave the company. A pseudonym is an HMAC-SHA256 of the
/// lower-cased value under a key (<see cref="AnonymizeKey"/>): the same input gives the same pseudonym
/// across runs and reports, and nobody without the key can reverse or confirm a guess. Host names are the
/// ones the store knows (log-named hosts, peers, folder hosts), matched as whole words, with their domain.
/// </summary>
public sealed partial class Anonymizer
{
    private readonly byte[] _key;
    private readonly Regex? _hosts;
    private readonly Dictionary<string, string> _cache = new(StringComparer.OrdinalIgnoreCase);

    public Anonymizer(byte[] key, IEnumerable<string> knownHosts)
    {
        ArgumentNullException.ThrowIfNull(knownHosts);
        _key = key;
        var names = knownHosts.Where(h => h.Length >= 2 && !IPv4().IsMatch(h))
            .Select(h => h.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(h => h.Length).Select(Regex.Escape).ToList();
        // A known host is replaced with its domain (SQLPROD01.corp.example.com): the domain names the company.
        if (names.Count > 0)
            _hosts = new Regex($@"(?<![\w.-])(?:{string.Join('|', names)})(?:\.[A-Za-z0-9-]+)*(?![\w-])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
    }

    public string Pseudonym(string kind, string value)
    {
        string k = kind + ":" + value.ToLowerInvariant();
        if (_cache.TryGetValue(k, out string? known))
            return known;
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(k));
        return _cache[k] = kind + "-" + Convert.ToHexStringLower(mac.AsSpan(0, 3));
    }

    /// <summary>A host field: its pseudonym by its first label, as the text's mentions get.</summary>
    public string? Host(string? host) => host is null ? null : Text(host);

    public string Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = Users().Replace(text, m => m.Groups["keep"].Value + Pseudonym("user", m.Groups["user"].Value));
        text = DomainUser().Replace(text, m => Pseudonym("user", m.Groups["user"].Value));
        if (_hosts is not null)
            text = _hosts.Replace(text, m => Pseudonym("host", m.Value.Split('.')[0]));
        text = IPv4().Replace(text, m => Octets(m.Value) ? Pseudonym("ip", m.Value) : m.Value);
        return IPv6().Replace(text, m => Pseudonym("ip", m.Value));
    }

    private static bool Octets(string ip) => ip.Split('.').All(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture) <= 255);

    [GeneratedRegex(@"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])", RegexOptions.CultureInvariant)]
    private static partial Regex IPv4();

    /// <summary>Full (six groups or more) or compressed (<c>::</c> with a group on one side); a time of day has three groups and no <c>::</c>.</summary>
    [GeneratedRegex(@"(?<![\w:.])(?:(?:[0-9A-Fa-f]{1,4}:){5,7}[0-9A-Fa-f]{1,4}|(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}:){0,5}[0-9A-Fa-f]{1,4}|::(?:[fF]{4}:)?[0-9A-Fa-f]{1,4}(?:[.:][0-9A-Fa-f]{1,4})*)(?![\w:])",
        RegexOptions.CultureInvariant)]
    private static partial Regex IPv6();

    /// <summary>
    /// SQL Server's <c>for user 'bob'</c> and <c>by login "sa"</c> (also HTML-encoded, as the report writes the
    /// quotes), and the user keys of connection strings.
    /// </summary>
    [GeneratedRegex("""(?<keep>\b(?:user|login)\s+(?:['"]|&\#39;|&\#x27;|&quot;))(?<user>[^'"\\&]+)(?=['"&])|(?<keep>\b(?:User\s?ID|UID|User(?:name)?|user\s?name)\s*=\s*)(?<user>[^;'"\s&]+)""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Users();

    /// <summary>A Windows account, <c>CORP\svc_reports</c> (doubled backslash in JSON text); the domain goes with it.</summary>
    [GeneratedRegex(@"\b(?<domain>[A-Z][A-Z0-9-]{1,14})\\{1,2}(?<user>[A-Za-z][A-Za-z0-9._$-]*)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DomainUser();
}
