namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>The sockets of one snapshot in one state towards one remote endpoint.</summary>
internal sealed class SocketGroup
{
    public SocketGroup(string state, string peer, int port, string localAddress, int localPort, long offset, int length, int line, int textLength)
    {
        State = state;
        Peer = peer;
        Port = port;
        LocalAddress = localAddress;
        LowPort = HighPort = localPort;
        Offset = offset;
        Length = length;
        Line = line;
        TextLength = textLength;
    }

    public string State { get; }
    public string Peer { get; }
    public int Port { get; }
    public string LocalAddress { get; }
    /// <summary>More than one local address: the extra says so after the first.</summary>
    public bool ManyLocals { get; set; }
    public int LowPort { get; set; }
    public int HighPort { get; set; }
    public int Count { get; set; }

    // Where the group's first socket line is: the event points there.
    public long Offset { get; }
    public int Length { get; }
    public int Line { get; }
    /// <summary>Bytes of the line's text, its line break excluded.</summary>
    public int TextLength { get; }
}
