using LogCorrelator.Events;
using LogCorrelator.Ingest.Formats.ErrorLog;
using LogCorrelator.Ingest.Formats.Text;
using LogCorrelator.Text;

namespace LogCorrelator.Ingest.Classify;

/// <summary>
/// SQL Server's own messages wherever they appear (ERRORLOG lines pasted into an issue, <c>docker logs</c>
/// of a container, a viewer export): the ERRORLOG reader's classifier applied to an entry's message, with
/// the <c>Error: N, Severity: S, State: T</c> line and its message line read as one error.
/// </summary>
internal static class ServerMessage
{
    // A crash's own lines (wild corpus jdbc-server/021, 022, 057).
    private static readonly string[] Crashes =
    [
        "BEGIN STACK DUMP", "Stack Signature for the dump", "Access Violation occurred", "SqlDumpExceptionHandler",
        "This program has encountered a fatal error", "* Exception Address", "Rip: ",
    ];

    private static readonly System.Buffers.SearchValues<string> CrashSearch =
        System.Buffers.SearchValues.Create(Crashes, StringComparison.Ordinal);

    // The login failures SQL Server reports under their own numbers (18456 is the usual one).
    private static readonly int[] LoginErrors = [18452, 18456, 18470, 18486, 18487, 18488];

    /// <param name="first">The entry's first message (past any timestamp and process column).</param>
    /// <param name="second">The message of its second line, or empty.</param>
    /// <param name="serverShaped">The entry shows an ERRORLOG process column or a <c>[CLIENT: ]</c>: a login failure in it is the server's record, not a client's exception.</param>
    public static bool TryClassify(ReadOnlySpan<char> first, ReadOnlySpan<char> second, bool serverShaped, NamePool names, ref LogEvent e)
    {
        if (TextLines.IsErrorHeader(first, out int code) || TextLines.IsErrorHeader(second, out code))
        {
            var message = TextLines.IsErrorHeader(first, out _) ? second : first;
            ErrorLogClassifier.Classify([], message.TrimStart(), code, names, ref e);
            if (Array.IndexOf(LoginErrors, code) >= 0)
                e.Kind = EventKind.LoginFailed;
            return true;
        }
        var m = first.TrimStart();
        if (m.IsEmpty)
            return false;
        if (m.StartsWith("Copyright (C) 20", StringComparison.Ordinal))
        {
            // The banner's second line: its first was cut off (wild corpus jdbc-server/058).
            e.Kind = EventKind.Restart;
            return true;
        }
        // Error 3422 as its text states it (learn.microsoft.com MSSQLSERVER_9001, wild corpus jdbc-server/050).
        if (m.Contains(" was shutdown due to error ", StringComparison.Ordinal))
        {
            e.Kind = EventKind.ServerError;
            e.Code = 3422;
            return true;
        }
        if (m.ContainsAny(CrashSearch))
        {
            e.Kind = EventKind.ServerError;
            return true;
        }
        var kind = e.Kind;
        ErrorLogClassifier.Classify([], m, null, names, ref e);
        if (e.Kind == EventKind.LoginFailed)
        {
            if (!serverShaped)
            {
                e.Kind = kind;
                e.Peer = null;
                return false;
            }
            e.Code = 18456;
        }
        return e.Kind != EventKind.Info;
    }
}
