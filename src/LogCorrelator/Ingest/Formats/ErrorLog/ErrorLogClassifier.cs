using LogCorrelator.Events;
using LogCorrelator.Text;

namespace LogCorrelator.Ingest.Formats.ErrorLog;

/// <summary>
/// Decides an entry's kind from its one-line message, once, at ingest. Dispatches on the first
/// character so the common noise (backups, "Starting up database") costs one or two prefix checks.
/// Startup markers come out as <see cref="EventKind.Restart"/>; <see cref="StartupBlockReader"/>
/// keeps one restart per block.
/// </summary>
internal static class ErrorLogClassifier
{
    public static StartupMarker Classify(ReadOnlySpan<char> process, ReadOnlySpan<char> message, int? errorCode,
        NamePool names, ref LogEvent e)
    {
        e.Kind = EventKind.Info;
        e.Spid = SpidOf(process);
        if (errorCode is int code)
        {
            // 18456 is the usual one, but 18452, 18470, 18486... are login failures too.
            e.Code = code;
            e.Kind = message.StartsWith("Login failed", StringComparison.Ordinal) ? EventKind.LoginFailed : EventKind.ServerError;
            e.Peer = Client(message, names);
            return StartupMarker.None;
        }
        if (message.IsEmpty)
            return StartupMarker.None;
        if (message[0] is 'S' or 'U' or 'A' or 'T' && IsStartupOnly(message))
            return Restart(StartupMarker.StartupOnly, ref e);

        switch (message[0])
        {
            // SQL Server 2022 on Linux writes a stack dump's frames as XML lines; the first marks the dump.
            case '<' when message.StartsWith("<frame id=\"00\"", StringComparison.Ordinal):
                e.Kind = EventKind.ServerError;
                return StartupMarker.None;
            case 'M' when message.StartsWith("Microsoft SQL Server ", StringComparison.Ordinal)
                && message.Length > 21 && (char.IsAsciiDigit(message[21]) || message[21..].StartsWith("vNext", StringComparison.Ordinal)):
                return Restart(StartupMarker.Banner, ref e);
            case 'S':
                return ClassifyS(message, ref e);
            case 'L' when message.StartsWith("Logging SQL Server messages in file", StringComparison.Ordinal):
                return Restart(StartupMarker.LoggingFile, ref e);
            case 'L' when message.StartsWith("Login failed", StringComparison.Ordinal):
                e.Kind = EventKind.LoginFailed;
                e.Peer = Client(message, names);
                return StartupMarker.None;
            case 'U' when message.StartsWith("UTC adjustment:", StringComparison.Ordinal):
                return StartupMarker.UtcAdjustment;
            case 'P' when message.StartsWith("Process ID ", StringComparison.Ordinal):
                KillMessage.TryRead(message, names, ref e);
                return StartupMarker.None;
            case 'T' when message.StartsWith("The error log has been reinitialized", StringComparison.Ordinal):
                return StartupMarker.Reinitialized;
            case 'T':
                FailoverMessage.TryRead(message, ref e);
                return StartupMarker.None;
            default:
                return StartupMarker.None;
        }
    }

    private static StartupMarker ClassifyS(ReadOnlySpan<char> message, ref LogEvent e)
    {
        if (message.StartsWith("SQL Server is now ready for client connections", StringComparison.Ordinal))
            e.Kind = EventKind.Ready;
        else if (message.StartsWith("SQL Server is terminating", StringComparison.Ordinal)
            || message.StartsWith("Server shut down by", StringComparison.Ordinal))
            e.Kind = EventKind.Shutdown;
        else if (message.StartsWith("Server process ID is ", StringComparison.Ordinal))
            return Restart(StartupMarker.ProcessId, ref e);
        else if (message.StartsWith("Server name is '", StringComparison.Ordinal))
            return StartupMarker.ServerName;
        return StartupMarker.None;
    }

    // Lines SQL Server writes only while it starts, so a startup block whose banner was cut off (docker
    // logs, a tail, a paste) still shows the restart (wild corpus jdbc-server/010-015, 038, 042). Not
    // "Starting up database" in general (a database brought online) nor resource governor (reconfigured at will).
    private static readonly string[] StartupOnly =
    [
        "SQL Server is starting at normal priority", "Using dynamic lock allocation", "A self-generated certificate was successfully loaded",
        "The tail of the log for database master", "Starting up database 'master'", "Starting up database 'tempdb'",
    ];

    private static bool IsStartupOnly(ReadOnlySpan<char> message)
    {
        foreach (var phrase in StartupOnly)
        {
            if (message.StartsWith(phrase, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static StartupMarker Restart(StartupMarker marker, ref LogEvent e)
    {
        e.Kind = EventKind.Restart;
        return marker;
    }

    private static string? Client(ReadOnlySpan<char> message, NamePool names)
    {
        var client = MessageScan.Client(message);
        return client.IsEmpty ? null : names.Intern(client);
    }

    /// <summary><c>spid52</c> (a user session) or <c>spid11s</c> (a system one); null for Server, Logon, Backup.</summary>
    public static int? SpidOf(ReadOnlySpan<char> process)
    {
        if (!process.StartsWith("spid", StringComparison.OrdinalIgnoreCase))
            return null;
        var s = process[4..];
        return MessageScan.TryInt(ref s, out int spid) && (s.IsEmpty || s is "s" or "S") ? spid : null;
    }
}
