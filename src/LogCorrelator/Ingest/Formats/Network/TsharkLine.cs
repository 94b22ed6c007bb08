namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>
/// tshark's default one-line summary: <c>No. Time Source → Destination Protocol Length Info</c>, e.g.
/// <c>   40   0.357938    127.0.0.1 → 127.0.0.1    TCP 66 1433 → 60948 [RST, ACK] Seq=1 Ack=1 ...</c>.
/// The time is whatever <c>-t</c> chose; the arrow is <c>-&gt;</c> outside UTF-8 locales. TCP
/// ports and flags are read from the Info column, after any <c>[TCP Retransmission]</c>-style notes.
/// </summary>
internal static class TsharkLine
{
    public static bool TryParse(ReadOnlySpan<char> text, out PacketLine packet)
    {
        packet = default;
        var rest = text.TrimStart();
        int sp = rest.IndexOfAny(' ', '\t');
        if (sp <= 0 || rest[..sp].ContainsAnyExceptInRange('0', '9'))
            return false;
        rest = rest[sp..];
        if (!PacketLine.TryReadTime(ref rest, true, out packet.TimeKind, out packet.Stamp, out packet.Ms))
            return false;
        var tokens = new Tokens(rest);
        if (!tokens.Next(out var source) || !tokens.Next(out var arrow) || !IsArrow(arrow) || !tokens.Next(out var destination)
            || !tokens.Next(out var protocol) || !tokens.Next(out var length) || length.ContainsAnyExceptInRange('0', '9'))
            return false;
        packet.SourceAddress = source;
        packet.DestinationAddress = destination;
        if (protocol is "TCP")
            ReadTcpInfo(tokens.Rest, ref packet);
        return true;
    }

    /// <summary><c>1433 → 60948 [RST, ACK] Seq=1</c>: the first arrow between two ports, then the flags.</summary>
    private static void ReadTcpInfo(ReadOnlySpan<char> info, ref PacketLine packet)
    {
        int arrow = info.IndexOf(" → ");
        int width = 3;
        if (arrow < 0)
        {
            arrow = info.IndexOf(" -> ");
            width = 4;
        }
        if (arrow < 0)
            return;
        var before = info[..arrow];
        var sourcePort = before[(before.LastIndexOf(' ') + 1)..];
        var after = info[(arrow + width)..];
        int sp = after.IndexOf(' ');
        if (sp < 0)
            return;
        var destinationPort = after[..sp];
        after = after[(sp + 1)..].TrimStart();
        int close = after.IndexOf(']');
        if (!after.StartsWith('[') || close < 0
            || !int.TryParse(sourcePort, System.Globalization.NumberStyles.None, null, out packet.SourcePort)
            || !int.TryParse(destinationPort, System.Globalization.NumberStyles.None, null, out packet.DestinationPort)
            || !TcpFlags.TryParseTshark(after[1..close], out packet.Flags))
            return;
        packet.IsTcp = true;
    }

    private static bool IsArrow(ReadOnlySpan<char> token) => token is "→" or "->";
}
