namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>
/// Short names for the settings <c>netsh int tcp show global</c> prints, mostly the parameter names
/// <c>netsh int tcp set global</c> takes (<c>rss</c>, <c>chimney</c>, <c>netdma</c>...), so a rule
/// can test <c>chimney=enabled</c> whatever the Windows version's label was.
/// </summary>
internal static class NetshKeys
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Receive-Side Scaling State"] = "rss",
        ["Chimney Offload State"] = "chimney",
        ["TCP Chimney Offload State"] = "chimney",
        ["NetDMA State"] = "netdma",
        ["Direct Cache Access (DCA)"] = "dca",
        ["Receive Window Auto-Tuning Level"] = "autotuning",
        ["Add-On Congestion Control Provider"] = "congestionprovider",
        ["ECN Capability"] = "ecn",
        ["RFC 1323 Timestamps"] = "timestamps",
        ["Initial RTO"] = "initialrto",
        ["Receive Segment Coalescing State"] = "rsc",
        ["Non Sack Rtt Resiliency"] = "nonsackrttresiliency",
        ["Max SYN Retransmissions"] = "maxsynretransmissions",
        ["TCP Fast Open"] = "fastopen",
        ["TCP Fast Open Fallback"] = "fastopenfallback",
        ["HyStart"] = "hystart",
        ["Proportional Rate Reduction"] = "prr",
        ["Pacing Profile"] = "pacingprofile",
        // netsh int ipv4 show dynamicport tcp: the ephemeral range port exhaustion runs into (seed 003).
        ["Start Port"] = "dynamicportstart",
        ["Number of Ports"] = "dynamicports",
    };

    public static bool IsKnown(ReadOnlySpan<char> label) => Known.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(label.Trim());

    /// <summary>The short name: a known one, else the label's letters and digits, lower case, without a trailing "State".</summary>
    public static string Normalize(ReadOnlySpan<char> label)
    {
        label = label.Trim();
        if (Known.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(label, out var known))
            return known;
        if (label.EndsWith(" State", StringComparison.OrdinalIgnoreCase))
            label = label[..^6];
        Span<char> key = stackalloc char[Math.Min(label.Length, 64)];
        int n = 0;
        foreach (char c in label)
        {
            if (n < key.Length && char.IsAsciiLetterOrDigit(c))
                key[n++] = char.ToLowerInvariant(c);
        }
        return new string(key[..n]);
    }
}
