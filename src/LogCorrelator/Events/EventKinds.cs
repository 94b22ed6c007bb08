namespace LogCorrelator.Events;

/// <summary>The names kinds have in output and in the query language.</summary>
public static class EventKinds
{
    private static readonly string[] Names =
    [
        "info", "error", "restart", "ready", "shutdown", "kill", "failover",
        "login-failed", "server-error", "timewait", "rst", "netconfig", "probe",
    ];

    public static IReadOnlyList<EventKind> All { get; } = Enum.GetValues<EventKind>();

    public static string Name(this EventKind kind) => Names[(int)kind];

    public static bool TryParse(string name, out EventKind kind)
    {
        int i = Array.IndexOf(Names, name);
        kind = (EventKind)Math.Max(i, 0);
        return i >= 0;
    }

    /// <summary>Server-side kinds: what a client error may be explained by.</summary>
    public static bool IsServerSide(this EventKind kind) =>
        kind is EventKind.Restart or EventKind.Ready or EventKind.Shutdown or EventKind.Kill
            or EventKind.Failover or EventKind.LoginFailed or EventKind.ServerError;
}
