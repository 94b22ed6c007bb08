using System.Buffers;

namespace LogCorrelator.Ingest.Formats.Odbc;

/// <summary>
/// The marks ODBC diagnostics leave in any text: the vendor and component tags of the message
/// (<c>[Microsoft][ODBC Driver 17 for SQL Server]</c>, <c>[SQL Native Client]</c>, <c>[DBNETLIB]</c>,
/// <c>[FreeTDS]</c>, <c>[unixODBC]</c>) and System.Data.Odbc's <c>OdbcException</c>.
/// </summary>
internal static class OdbcText
{
    private static readonly SearchValues<string> Tags = SearchValues.Create(
        ["[Microsoft][", "[DBNETLIB]", "[SQL Native Client]", "[SQL Server Native Client", "[FreeTDS]", "[unixODBC]", "OdbcException"],
        StringComparison.OrdinalIgnoreCase);

    // What an ODBC application says about its connection when it starts: its driver or DSN.
    private static readonly SearchValues<string> Mentions = SearchValues.Create(
        ["[Microsoft][", "[DBNETLIB]", "[SQL Native Client]", "[SQL Server Native Client", "[FreeTDS]", "[unixODBC]", "OdbcException",
            "ODBC Driver 1", "System.Data.Odbc", "DSN="],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A diagnostic, or a line naming the ODBC driver or DSN the application uses (<c>ODBC Driver 17 for SQL Server</c>,
    /// <c>DSN=...</c>): detection's sign that a log belongs to an ODBC client, even before its first error.
    /// </summary>
    public static bool MentionsOdbc(ReadOnlySpan<char> text) => text.ContainsAny(Mentions);

    /// <summary>
    /// The first line after the entry's first line that carries an ODBC diagnostic (<c>ERROR [08S01] [Microsoft]...</c>
    /// under a C++ or .NET log line), without its indentation.
    /// </summary>
    public static bool TryFindDiagnosticLine(ReadOnlySpan<char> text, out int start, out int end)
    {
        start = end = 0;
        int nl = text.IndexOf('\n');
        if (nl < 0)
            return false;
        int at = text[(nl + 1)..].IndexOfAny(Tags);
        if (at < 0)
            return false;
        (start, end) = TrimmedLine(text, at + nl + 1);
        return true;
    }

    /// <summary>The line holding character <paramref name="at"/>, without its indentation and trailing blanks.</summary>
    public static (int Start, int End) TrimmedLine(ReadOnlySpan<char> text, int at)
    {
        int start = text[..at].LastIndexOf('\n') + 1;
        while (start < at && text[start] is ' ' or '\t')
            start++;
        int lineEnd = text[at..].IndexOf('\n');
        int end = lineEnd < 0 ? text.Length : at + lineEnd;
        while (end > start && text[end - 1] is ' ' or '\t' or '\r')
            end--;
        return (start, end);
    }
}
