namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>
/// tcpdump's text (<c>tcpdump -nn -r file</c>):
/// <c>11:32:04.123456 IP 10.0.0.5.1433 &gt; 10.0.0.9.50712: Flags [R.], seq 0, ack 1, win 0, length 0</c>,
/// with <c>-tttt</c> dates, <c>-tt</c> Unix seconds, <c>-e</c> link headers or <c>-i any</c> interface
/// columns before the addresses. With <c>-v</c> a packet takes two lines: the time and IP header,
/// then an indented line with the addresses and flags.
/// </summary>
internal static class TcpdumpLine
{
    /// <summary>
    /// True for a packet line. A line with a time but no TCP flags (UDP, ARP, the first line of a
    /// <c>-v</c> pair) is a packet without <see cref="PacketLine.IsTcp"/>; an indented <c>-v</c>
    /// continuation has the flags and no time.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out PacketLine packet)
    {
        packet = default;
        var rest = text;
        bool continuation = text.Length > 0 && (text[0] == ' ' || text[0] == '\t');
        if (!continuation)
        {
            if (!PacketLine.TryReadTime(ref rest, false, out packet.TimeKind, out packet.Stamp, out packet.Ms) || !LooksLikePacket(rest))
                return false;
        }
        int flags = rest.IndexOf(": Flags [");
        if (flags < 0)
            return !continuation;
        var before = rest[..flags];
        int gt = before.LastIndexOf(" > ");
        if (gt < 0)
            return !continuation;
        var destination = before[(gt + 3)..].Trim();
        var left = before[..gt].TrimEnd();
        var source = left[(left.LastIndexOfAny(' ', '\t') + 1)..];
        var flagText = rest[(flags + 9)..];
        int close = flagText.IndexOf(']');
        if (close < 0 || !TcpFlags.TryParseTcpdump(flagText[..close], out packet.Flags))
            return !continuation;
        if (!Endpoint.TrySplitDot(source, out packet.SourceAddress, out packet.SourcePort)
            || !Endpoint.TrySplitDot(destination, out packet.DestinationAddress, out packet.DestinationPort))
        {
            packet.Unresolved = true;
            return true;
        }
        packet.IsTcp = true;
        return true;
    }

    /// <summary>What follows tcpdump's time: a protocol (IP, IP6, ARP...), an interface (<c>-i any</c>) or a MAC (<c>-e</c>).</summary>
    private static bool LooksLikePacket(ReadOnlySpan<char> rest)
    {
        var tokens = new Tokens(rest);
        if (!tokens.Next(out var first))
            return false;
        if (first is "IP" or "IP6" or "ARP," or "ARP")
            return true;
        // -e (a MAC address) or -i any (an interface then In/Out/P/M).
        return rest.Contains(" > ", StringComparison.Ordinal) && (rest.Contains(" IP ", StringComparison.Ordinal)
            || rest.Contains(" IP6 ", StringComparison.Ordinal) || rest.Contains("ethertype", StringComparison.Ordinal));
    }
}
