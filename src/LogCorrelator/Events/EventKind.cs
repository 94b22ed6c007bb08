namespace LogCorrelator.Events;

/// <summary>The closed vocabulary of event kinds; the query language names each one.</summary>
/// <remarks>Values are persisted in the store: append, never renumber.</remarks>
public enum EventKind : byte
{
    Info = 0,
    Error = 1,
    Restart = 2,
    Ready = 3,
    Shutdown = 4,
    Kill = 5,
    Failover = 6,
    LoginFailed = 7,
    ServerError = 8,
    TimeWait = 9,
    Rst = 10,
    NetConfig = 11,
    Probe = 12,
}
