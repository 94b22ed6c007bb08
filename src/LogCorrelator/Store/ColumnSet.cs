namespace LogCorrelator.Store;

/// <summary>
/// The columns a load reads besides rowid and time: only what the filters, keys and pipes of the
/// query use. <see cref="Message"/> is the message's place in its file (source, offset, length);
/// its text is read only for the rows that still need it.
/// </summary>
[Flags]
internal enum ColumnSet
{
    None = 0,
    Kind = 1,
    Code = 2,
    SqlState = 4,
    Host = 8,
    Peer = 16,
    Spid = 32,
    Port = 64,
    Count = 128,
    Source = 256,
    Message = 512,
    /// <summary>The rare attributes (<c>extra</c>): where the code came from.</summary>
    Extra = 1024,

    /// <summary>An event's numbers (kind, code, host, peer, spid): what a scan loads unless told otherwise.</summary>
    Numbers = Kind | Code | Host | Peer | Spid,
}
