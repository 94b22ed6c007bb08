using LogCorrelator.Events;

namespace LogCorrelator.Ingest.Formats.ErrorLog;

/// <summary>
/// The role changes that move a database away from this server: database mirroring
/// (<c>The mirrored database "X" is changing roles from "PRINCIPAL" to "MIRROR" due to Failover.</c>)
/// and Always On, per database and per replica. The roles go to <see cref="LogEvent.Extra"/>.
/// </summary>
internal static class FailoverMessage
{
    public static bool TryRead(ReadOnlySpan<char> message, ref LogEvent e)
    {
        var s = message;
        string key;
        char quote;
        string verb;
        if (MessageScan.TrySkip(ref s, "The mirrored database ") || MessageScan.TrySkip(ref s, "The availability group database "))
            (key, quote, verb) = ("db", '"', " is changing roles from ");
        else if (MessageScan.TrySkip(ref s, "The state of the local availability replica in availability group "))
            (key, quote, verb) = ("ag", '\'', " has changed from ");
        else
            return false;

        if (!MessageScan.TryQuoted(ref s, quote, out var name) || !MessageScan.TrySkip(ref s, verb)
            || !MessageScan.TryQuoted(ref s, quote, out var from) || !MessageScan.TrySkip(ref s, " to ")
            || !MessageScan.TryQuoted(ref s, quote, out var to))
            return false;
        e.Kind = EventKind.Failover;
        e.Extra = $"{key}={name}; from={from}; to={to}";
        return true;
    }
}
