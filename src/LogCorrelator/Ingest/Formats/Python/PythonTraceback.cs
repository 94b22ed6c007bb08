namespace LogCorrelator.Ingest.Formats.Python;

/// <summary>
/// The lines of a Python traceback under a log record (<c>log.exception(...)</c>):
/// <c>Traceback (most recent call last):</c>, the <c>  File "...", line N, in f</c> frames and their
/// source lines, and the closing <c>pyodbc.OperationalError: ('08S01', '...')</c> line.
/// </summary>
internal static class PythonTraceback
{
    private const string Start = "Traceback (most recent call last):";

    /// <summary>A line only a Python traceback has; detection counts them.</summary>
    public static bool IsTracebackLine(ReadOnlySpan<char> line) =>
        line.StartsWith(Start, StringComparison.Ordinal)
        || (line.StartsWith("  File \"", StringComparison.Ordinal) && line.Contains("\", line ", StringComparison.Ordinal))
        || line.StartsWith("During handling of the above exception", StringComparison.Ordinal)
        || line.StartsWith("The above exception was the direct cause", StringComparison.Ordinal);

    /// <summary>
    /// The exception line that ends the last traceback of an entry: in a chained traceback the
    /// last one printed is what the application finally raised (SQLAlchemy's <c>OperationalError</c>
    /// around pyodbc's), and it quotes the driver's text.
    /// </summary>
    public static bool TryFindExceptionLine(ReadOnlySpan<char> text, out int start, out int end)
    {
        start = end = 0;
        int from = text.IndexOf(Start, StringComparison.Ordinal);
        if (from < 0)
            return false;
        bool found = false;
        int pos = from;
        while (pos < text.Length)
        {
            int nl = text[pos..].IndexOf('\n');
            int lineEnd = nl < 0 ? text.Length : pos + nl;
            if (IsExceptionLine(text[pos..lineEnd]))
                (start, end, found) = (pos, lineEnd, true);
            pos = lineEnd + 1;
        }
        return found;
    }

    /// <summary><c>module.ExceptionType: message</c> or a bare <c>ExceptionType</c>, at column 0.</summary>
    private static bool IsExceptionLine(ReadOnlySpan<char> line)
    {
        if (line.IsEmpty || !(char.IsAsciiLetter(line[0]) || line[0] == '_'))
            return false;
        int n = 0;
        while (n < line.Length && (char.IsAsciiLetterOrDigit(line[n]) || line[n] is '.' or '_'))
            n++;
        return n == line.TrimEnd().Length || (line[n] == ':' && (n + 1 == line.Length || line[n + 1] == ' '));
    }
}
