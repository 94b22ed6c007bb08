namespace LogCorrelator.Ingest.Formats.Network;

internal enum SocketLineKind
{
    /// <summary>Not a socket line.</summary>
    None,
    /// <summary>A TCP connection.</summary>
    Socket,
    /// <summary>A socket line that is no connection: listening, UDP, unix.</summary>
    Other,
}
