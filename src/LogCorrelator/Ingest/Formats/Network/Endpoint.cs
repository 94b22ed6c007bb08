namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>
/// Splits the endpoints the tools print (<c>10.0.0.5:1433</c>, <c>[::1]:1433</c>, Linux netstat's
/// <c>::1:1433</c>, tcpdump's <c>10.0.0.5.1433</c>) and writes them back in one form, so the same
/// peer from netstat and from a capture is the same name: <c>addr:port</c>, IPv6 in brackets,
/// IPv4-mapped IPv6 as plain IPv4.
/// </summary>
internal static class Endpoint
{
    /// <summary>Longest text <see cref="Format"/> writes: a full IPv6 address, brackets, colon and port.</summary>
    public const int MaxLength = 64;

    /// <summary><c>addr:port</c> as netstat and ss print it; <paramref name="port"/> is -1 for <c>*</c>.</summary>
    public static bool TrySplitColon(ReadOnlySpan<char> text, out ReadOnlySpan<char> address, out int port)
    {
        address = default;
        port = -1;
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
            return false;
        var portText = text[(colon + 1)..];
        if (!(portText is "*") && !TryPort(portText, out port))
            return false;
        address = Unwrap(text[..colon]);
        return !address.IsEmpty;
    }

    /// <summary><c>addr.port</c> as tcpdump prints it.</summary>
    public static bool TrySplitDot(ReadOnlySpan<char> text, out ReadOnlySpan<char> address, out int port)
    {
        address = default;
        port = -1;
        int dot = text.LastIndexOf('.');
        if (dot <= 0 || !TryPort(text[(dot + 1)..], out port))
            return false;
        address = Unwrap(text[..dot]);
        return true;
    }

    /// <summary>Writes <c>addr:port</c> (<c>[v6]:port</c>) into <paramref name="buffer"/>; returns the length.</summary>
    public static int Format(ReadOnlySpan<char> address, int port, Span<char> buffer)
    {
        int n = 0;
        bool v6 = address.IndexOf(':') >= 0;
        if (address.Length > MaxLength - 8)
            address = address[..(MaxLength - 8)];
        if (v6)
            buffer[n++] = '[';
        address.CopyTo(buffer[n..]);
        n += address.Length;
        if (v6)
            buffer[n++] = ']';
        buffer[n++] = ':';
        port.TryFormat(buffer[n..], out int written, default, System.Globalization.CultureInfo.InvariantCulture);
        return n + written;
    }

    /// <summary>Drops brackets, a zone id (<c>fe80::1%eth0</c>) and the IPv4-mapped prefix.</summary>
    private static ReadOnlySpan<char> Unwrap(ReadOnlySpan<char> address)
    {
        if (address.Length >= 2 && address[0] == '[' && address[^1] == ']')
            address = address[1..^1];
        int zone = address.IndexOf('%');
        if (zone > 0)
            address = address[..zone];
        if (address.StartsWith("::ffff:", StringComparison.OrdinalIgnoreCase) && address[7..].IndexOf('.') > 0)
            address = address[7..];
        return address;
    }

    private static bool TryPort(ReadOnlySpan<char> text, out int port)
    {
        port = 0;
        // tcpdump without -nn names the SQL ports from /etc/services.
        if (text is "ms-sql-s")
            port = 1433;
        else if (text is "ms-sql-m")
            port = 1434;
        if (port != 0)
            return true;
        if (text.IsEmpty || text.Length > 5)
            return false;
        foreach (char c in text)
        {
            if (c is < '0' or > '9')
                return false;
            port = port * 10 + (c - '0');
        }
        return port <= 65535;
    }
}
