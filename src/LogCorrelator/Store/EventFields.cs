namespace LogCorrelator.Store;

/// <summary>
/// Which columns a scan loads besides <see cref="EventColumns.Id"/> and <see cref="EventColumns.Time"/>,
/// which it always loads. A join needs only times and ids (16 bytes an event); columns not asked
/// for come back as empty arrays.
/// </summary>
[Flags]
public enum EventFields
{
    None = 0,
    Kind = 1,
    Code = 2,
    Host = 4,
    Peer = 8,
    Spid = 16,
    All = Kind | Code | Host | Peer | Spid,
}
