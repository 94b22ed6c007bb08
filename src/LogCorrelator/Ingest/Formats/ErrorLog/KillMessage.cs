using LogCorrelator.Events;
using LogCorrelator.Text;

namespace LogCorrelator.Ingest.Formats.ErrorLog;

/// <summary>
/// <c>Process ID 54 was killed by hostname APP01, host process ID 4412.</c>: the session killed
/// (not the one in the process column, which is the killer's), and the machine that asked.
/// </summary>
internal static class KillMessage
{
    public static bool TryRead(ReadOnlySpan<char> message, NamePool names, ref LogEvent e)
    {
        var s = message;
        if (!MessageScan.TrySkip(ref s, "Process ID ") || !MessageScan.TryInt(ref s, out int spid)
            || !MessageScan.TrySkip(ref s, " was killed by"))
            return false;
        e.Kind = EventKind.Kill;
        e.Spid = spid;
        // Other killers (an ABORT_AFTER_WAIT = BLOCKERS DDL statement) name no host.
        if (!MessageScan.TrySkip(ref s, " hostname "))
            return true;
        int comma = s.IndexOf(", host process ID ", StringComparison.Ordinal);
        if (comma < 0)
            return true;
        var host = s[..comma].Trim();
        if (!host.IsEmpty)
            e.Peer = names.Intern(host);
        s = s[(comma + ", host process ID ".Length)..];
        if (MessageScan.TryInt(ref s, out int hostPid))
            e.Extra = $"hostpid={hostPid}";
        return true;
    }
}
