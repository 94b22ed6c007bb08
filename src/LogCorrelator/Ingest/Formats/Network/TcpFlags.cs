namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>
/// Reads TCP flags as tcpdump (<c>[R.]</c>) and tshark (<c>[RST, ACK]</c>) print them, and writes
/// them back in tcpdump's letters, in its order (F S R P . U E W e), so both tools give one spelling.
/// </summary>
internal static class TcpFlags
{
    private static readonly (TcpFlag Flag, char Letter)[] Letters =
    [
        (TcpFlag.Fin, 'F'), (TcpFlag.Syn, 'S'), (TcpFlag.Rst, 'R'), (TcpFlag.Psh, 'P'), (TcpFlag.Ack, '.'),
        (TcpFlag.Urg, 'U'), (TcpFlag.Ece, 'E'), (TcpFlag.Cwr, 'W'), (TcpFlag.Ae, 'e'),
    ];

    /// <summary>tcpdump's letters between the brackets: <c>S.</c>, <c>R</c>, <c>none</c>.</summary>
    public static bool TryParseTcpdump(ReadOnlySpan<char> text, out TcpFlag flags)
    {
        flags = TcpFlag.None;
        if (text is "none")
            return true;
        foreach (char c in text)
        {
            TcpFlag f = c switch
            {
                'F' => TcpFlag.Fin,
                'S' => TcpFlag.Syn,
                'R' => TcpFlag.Rst,
                'P' => TcpFlag.Psh,
                '.' => TcpFlag.Ack,
                'U' => TcpFlag.Urg,
                'E' => TcpFlag.Ece,
                'W' => TcpFlag.Cwr,
                'e' => TcpFlag.Ae,
                _ => TcpFlag.None,
            };
            if (f == TcpFlag.None)
                return false;
            flags |= f;
        }
        return !text.IsEmpty;
    }

    /// <summary>tshark's names between the brackets: <c>RST, ACK</c>, <c>SYN</c>, <c>&lt;None&gt;</c>.</summary>
    public static bool TryParseTshark(ReadOnlySpan<char> text, out TcpFlag flags)
    {
        flags = TcpFlag.None;
        foreach (var range in text.Split(','))
        {
            var name = text[range].Trim();
            TcpFlag f = name switch
            {
                "FIN" => TcpFlag.Fin,
                "SYN" => TcpFlag.Syn,
                "RST" => TcpFlag.Rst,
                "PSH" => TcpFlag.Psh,
                "ACK" => TcpFlag.Ack,
                "URG" => TcpFlag.Urg,
                "ECE" or "ECN" => TcpFlag.Ece,
                "CWR" => TcpFlag.Cwr,
                "AE" or "NS" => TcpFlag.Ae,
                "<None>" => TcpFlag.None,
                _ => (TcpFlag)ushort.MaxValue,
            };
            if (f == (TcpFlag)ushort.MaxValue)
                return false;
            flags |= f;
        }
        return true;
    }

    public static string ToTcpdump(TcpFlag flags)
    {
        if (flags == TcpFlag.None)
            return "none";
        Span<char> letters = stackalloc char[Letters.Length];
        int n = 0;
        foreach (var (flag, letter) in Letters)
        {
            if ((flags & flag) != 0)
                letters[n++] = letter;
        }
        return new string(letters[..n]);
    }
}
