namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>The TCP header flags a capture line shows.</summary>
[Flags]
internal enum TcpFlag : ushort
{
    None = 0,
    Fin = 1,
    Syn = 2,
    Rst = 4,
    Psh = 8,
    Ack = 16,
    Urg = 32,
    Ece = 64,
    Cwr = 128,
    Ae = 256,
}
