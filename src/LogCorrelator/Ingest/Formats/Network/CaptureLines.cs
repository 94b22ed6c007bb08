namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>The lines capture tools print besides packets: their own notices and capinfos' <c>Name: value</c> summary.</summary>
internal static class CaptureLines
{
    private static readonly string[] Prefixes =
    [
        "reading from file", "Running as user", "tcpdump:", "tshark:", "Capturing on", "listening on", "dropped privs",
        "$ ", "# ", "C:\\",
    ];

    public static bool IsNoise(ReadOnlySpan<char> line)
    {
        var t = line.Trim();
        if (t.IsEmpty)
            return true;
        foreach (var p in Prefixes)
        {
            if (t.StartsWith(p, StringComparison.Ordinal))
                return true;
        }
        // "58 packets captured", "0 packets dropped by kernel"
        int sp = t.IndexOf(' ');
        if (sp > 0 && !t[..sp].ContainsAnyExceptInRange('0', '9') && t[sp..].StartsWith(" packet", StringComparison.Ordinal))
            return true;
        return IsSummaryLine(t);
    }

    /// <summary>capinfos: <c>File name:           cap.pcap</c>, <c>Number of packets:   58</c>.</summary>
    private static bool IsSummaryLine(ReadOnlySpan<char> t)
    {
        int colon = t.IndexOf(':');
        if (colon is < 2 or > 40 || !char.IsAsciiLetterUpper(t[0]))
            return false;
        foreach (char c in t[..colon])
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is ' ' or '(' or ')' or '-' or '/'))
                return false;
        }
        return true;
    }
}
