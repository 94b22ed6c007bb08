using LogCorrelator.Time;

namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>One packet line as tshark or tcpdump prints it: its time as given, and for TCP the endpoints and flags.</summary>
internal ref struct PacketLine
{
    public PacketTimeKind TimeKind;
    /// <summary>For <see cref="PacketTimeKind.Absolute"/>.</summary>
    public LocalStamp Stamp;
    /// <summary>Milliseconds: since the epoch, since the first packet, or since midnight, as <see cref="TimeKind"/> says.</summary>
    public long Ms;
    /// <summary>False for a packet that is not TCP (or shows no ports and flags, as tshark's TDS lines).</summary>
    public bool IsTcp;
    public ReadOnlySpan<char> SourceAddress;
    public int SourcePort;
    public ReadOnlySpan<char> DestinationAddress;
    public int DestinationPort;
    public TcpFlag Flags;
    /// <summary>A TCP line whose endpoints are names, not numbers (tcpdump without <c>-nn</c>).</summary>
    public bool Unresolved;

    /// <summary>Reads the time at the start of <paramref name="text"/>: a date and time, a time of day, or seconds.</summary>
    public static bool TryReadTime(ref ReadOnlySpan<char> text, bool secondsAreRelative, out PacketTimeKind kind, out LocalStamp stamp, out long ms)
    {
        kind = PacketTimeKind.None;
        ms = 0;
        text = text.TrimStart();
        if (TimestampParser.TryParse(text, out stamp, out int used))
        {
            kind = PacketTimeKind.Absolute;
            text = text[used..];
            return true;
        }
        var tokens = new Tokens(text);
        if (!tokens.Next(out var token))
            return false;
        if (token.IndexOf(':') > 0)
        {
            if (!DateLine.TryTimeOfDay(token, out _, out ms))
                return false;
            kind = PacketTimeKind.TimeOfDay;
        }
        else
        {
            if (!TrySeconds(token, out ms))
                return false;
            // Relative seconds past ~3 years are Unix time (tshark -t e); tcpdump prints no relative seconds.
            kind = secondsAreRelative && ms < 100_000_000_000L ? PacketTimeKind.Relative : PacketTimeKind.Epoch;
        }
        text = tokens.Rest;
        return true;
    }

    /// <summary><c>12.000512</c> as milliseconds, without going through floating point.</summary>
    private static bool TrySeconds(ReadOnlySpan<char> token, out long ms)
    {
        ms = 0;
        int dot = token.IndexOf('.');
        var whole = dot < 0 ? token : token[..dot];
        var fraction = dot < 0 ? default : token[(dot + 1)..];
        if (whole.IsEmpty || whole.Length > 12 || whole.ContainsAnyExceptInRange('0', '9') || fraction.ContainsAnyExceptInRange('0', '9'))
            return false;
        foreach (char c in whole)
            ms = ms * 10 + (c - '0');
        ms *= 1000;
        int scale = 100;
        for (int i = 0; i < fraction.Length && i < 3; i++, scale /= 10)
            ms += (fraction[i] - '0') * scale;
        return true;
    }
}
