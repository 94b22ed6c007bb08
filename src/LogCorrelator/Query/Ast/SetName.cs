namespace LogCorrelator.Query.Ast;

/// <summary>The sets a query can name; <see cref="Syntax.Keywords"/> holds their words.</summary>
internal enum SetName
{
    Errors,
    Restart,
    Ready,
    Shutdown,
    Kill,
    Failover,
    LoginFailed,
    ServerErrors,
    TimeWait,
    Rst,
    NetConfig,
    Probe,
    Events,
}
