namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>The non-socket lines of netstat and ss listings: headers that start a listing, and noise to pass over.</summary>
internal static class NetstatLines
{
    /// <summary>A header that starts a listing: a new one after sockets is a new snapshot.</summary>
    public static bool IsHeader(ReadOnlySpan<char> line)
    {
        var t = line.Trim();
        return t.StartsWith("Active Connections", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("Active Internet connections", StringComparison.OrdinalIgnoreCase)
            || (t.StartsWith("Proto", StringComparison.Ordinal) && t.Contains("Local Address", StringComparison.Ordinal))
            || ((t.StartsWith("State", StringComparison.Ordinal) || t.StartsWith("Netid", StringComparison.Ordinal))
                && t.Contains("Recv-Q", StringComparison.Ordinal));
    }

    /// <summary>
    /// Lines a listing or its collection script prints that hold no socket: the unix-socket part of
    /// <c>netstat -a</c>, <c>netstat -b</c>'s owner lines, an echoed command (<c>C:\&gt;netstat -n</c>).
    /// </summary>
    public static bool IsNoise(ReadOnlySpan<char> line)
    {
        var t = line.Trim();
        if (t.IsEmpty || t[0] == '[' || t.IndexOfAny(' ', '\t') < 0)
            return true;
        return t.StartsWith("Active UNIX domain sockets", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("Active Bluetooth connections", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("Proto RefCnt", StringComparison.Ordinal)
            || t.StartsWith("Can not obtain ownership information", StringComparison.OrdinalIgnoreCase)
            || t.Contains("netstat", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("ss -", StringComparison.Ordinal)
            || t.Contains("$ ss ", StringComparison.Ordinal)
            || t.Contains("# ss ", StringComparison.Ordinal);
    }
}
