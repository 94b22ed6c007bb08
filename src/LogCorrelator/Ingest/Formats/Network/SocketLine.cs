namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>
/// One socket of a netstat or ss listing, in any of the three layouts:
/// Windows <c>netstat -n/-ano</c> (<c>TCP  10.10.10.10:2003  10.10.10.20:1433  TIME_WAIT  0</c>),
/// Linux <c>netstat -tan</c> (<c>tcp  0  0  127.0.0.1:1433  127.0.0.1:50712  TIME_WAIT</c>) and
/// <c>ss -tan</c> (<c>TIME-WAIT  0  0  127.0.0.1:1433  127.0.0.1:50712</c>, with or without the Netid column).
/// </summary>
internal readonly ref struct SocketLine
{
    public SocketLine(string state, ReadOnlySpan<char> localAddress, int localPort, ReadOnlySpan<char> remoteAddress, int remotePort)
    {
        State = state;
        LocalAddress = localAddress;
        LocalPort = localPort;
        RemoteAddress = remoteAddress;
        RemotePort = remotePort;
    }

    public string State { get; }
    public ReadOnlySpan<char> LocalAddress { get; }
    public int LocalPort { get; }
    public ReadOnlySpan<char> RemoteAddress { get; }
    public int RemotePort { get; }

    /// <summary>Reads a TCP socket line; <see cref="SocketLineKind.Other"/> for UDP and unix sockets, which are not connections.</summary>
    public static SocketLineKind TryParse(ReadOnlySpan<char> line, out SocketLine socket)
    {
        socket = default;
        var tokens = new Tokens(line);
        if (!tokens.Next(out var first))
            return SocketLineKind.None;
        if (first.StartsWith("udp", StringComparison.OrdinalIgnoreCase) || first.Equals("unix", StringComparison.Ordinal)
            || first.Equals("raw", StringComparison.Ordinal) || first.Equals("raw6", StringComparison.Ordinal))
            return IsListing(tokens) ? SocketLineKind.Other : SocketLineKind.None;

        ReadOnlySpan<char> local, remote;
        string? state;
        bool tcp = first.Equals("tcp", StringComparison.OrdinalIgnoreCase) || first.Equals("tcp6", StringComparison.Ordinal);
        ReadOnlySpan<char> second = default;
        if (tcp && !tokens.Next(out second))
            return SocketLineKind.None;

        if (tcp && IsNumber(second))
        {
            // Linux netstat: Proto Recv-Q Send-Q Local Foreign State [PID/Program]
            if (!tokens.Next(out _) || !tokens.Next(out local) || !tokens.Next(out remote) || !tokens.Next(out var st))
                return SocketLineKind.None;
            state = TcpState.Normalize(st);
        }
        else if (tcp && TcpState.Normalize(second) is { } ssState)
        {
            // ss with its Netid column: Netid State Recv-Q Send-Q Local Peer [Process]
            if (!tokens.Next(out _) || !tokens.Next(out _) || !tokens.Next(out local) || !tokens.Next(out remote))
                return SocketLineKind.None;
            state = ssState;
        }
        else if (tcp)
        {
            // Windows netstat: Proto Local Foreign State [PID] [Offload State]
            local = second;
            if (!tokens.Next(out remote) || !tokens.Next(out var st))
                return SocketLineKind.None;
            state = TcpState.Normalize(st);
        }
        else if (TcpState.Normalize(first) is { } ss)
        {
            // ss -tan: State Recv-Q Send-Q Local Peer [Process]
            if (!tokens.Next(out var rq) || !IsNumber(rq) || !tokens.Next(out _) || !tokens.Next(out local) || !tokens.Next(out remote))
                return SocketLineKind.None;
            state = ss;
        }
        else
        {
            return SocketLineKind.None;
        }

        if (state is null || !Endpoint.TrySplitColon(local, out var la, out int lp) || !Endpoint.TrySplitColon(remote, out var ra, out int rp))
            return SocketLineKind.None;
        if (state == TcpState.Listen || rp < 0)
            return SocketLineKind.Other;
        socket = new SocketLine(state, la, lp, ra, rp);
        return SocketLineKind.Socket;
    }

    /// <summary>A UDP/unix line of a listing has more fields; a lone word "udp" in prose is not one.</summary>
    private static bool IsListing(Tokens rest)
    {
        int n = 0;
        while (rest.Next(out _))
            n++;
        return n >= 2;
    }

    private static bool IsNumber(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');
}
