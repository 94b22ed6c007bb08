namespace LogCorrelator.Ingest.Formats.Java;

/// <summary>
/// The lines of a Java stack trace under a log record: the exception line, <c>\tat pkg.Class.method(Class.java:42)</c>
/// frames, <c>\t... 7 more</c>, and the <c>Caused by: ...</c> lines that start each deeper cause.
/// </summary>
internal static class JavaTrace
{
    private const string CausedBy = "Caused by: ";

    /// <summary>A line only a Java stack trace has; detection counts them.</summary>
    public static bool IsTraceLine(ReadOnlySpan<char> line)
    {
        ReadOnlySpan<char> t = line.TrimStart();
        if (t.StartsWith(CausedBy, StringComparison.Ordinal) || t.StartsWith("Suppressed: ", StringComparison.Ordinal))
            return true;
        // printStackTrace's "... 7 more", logback's "... 52 common frames omitted".
        if (t.StartsWith("... ", StringComparison.Ordinal) && line.Length > t.Length
            && (t.EndsWith(" more", StringComparison.Ordinal) || t.EndsWith(" common frames omitted", StringComparison.Ordinal)))
            return true;
        return IsFrame(line);
    }

    /// <summary><c>at pkg.Class.method(Class.java:42)</c>, <c>(Native Method)</c>, <c>(Unknown Source)</c>, or a <c>java.base/</c> module frame.</summary>
    public static bool IsFrame(ReadOnlySpan<char> line)
    {
        ReadOnlySpan<char> t = line.TrimStart();
        if (t.Length == line.Length || !t.StartsWith("at ", StringComparison.Ordinal) || !t.EndsWith(')'))
            return false;
        int open = t.LastIndexOf('(');
        if (open < 0)
            return false;
        ReadOnlySpan<char> where = t[(open + 1)..^1];
        return where.Contains(".java:", StringComparison.Ordinal) || where.EndsWith(".java", StringComparison.Ordinal)
            || where is "Native Method" or "Unknown Source" || t.Contains("java.base/", StringComparison.Ordinal);
    }

    /// <summary>Where each <c>Caused by:</c> line starts, outermost first; 0 stands for the entry's own exception.</summary>
    public static int CauseStarts(ReadOnlySpan<char> text, Span<int> starts)
    {
        int n = 0;
        starts[n++] = 0;
        int pos = 0;
        while (n < starts.Length)
        {
            int at = text[pos..].IndexOf(CausedBy, StringComparison.Ordinal);
            if (at < 0)
                break;
            at += pos;
            // Only at a line's start (after any indentation, as nested causes of a suppressed exception are).
            int lineStart = text[..at].LastIndexOf('\n') + 1;
            if (text[lineStart..at].IsWhiteSpace())
                starts[n++] = at;
            pos = at + CausedBy.Length;
        }
        return n;
    }

    /// <summary>The first line after the record's own that states an exception: <c>pkg.SomeException: message</c>.</summary>
    public static bool TryFindFirstException(ReadOnlySpan<char> text, out int start, out int end)
    {
        start = end = 0;
        int pos = text.IndexOf('\n') + 1;
        while (pos > 0 && pos < text.Length)
        {
            int nl = text[pos..].IndexOf('\n');
            int lineEnd = nl < 0 ? text.Length : pos + nl;
            ReadOnlySpan<char> line = text[pos..lineEnd];
            if (IsExceptionLine(line))
            {
                (start, end) = (pos, lineEnd);
                return true;
            }
            pos = lineEnd + 1;
        }
        return false;
    }

    private static bool IsExceptionLine(ReadOnlySpan<char> line)
    {
        int n = 0;
        while (n < line.Length && (char.IsAsciiLetterOrDigit(line[n]) || line[n] is '.' or '_' or '$'))
            n++;
        ReadOnlySpan<char> type = line[..n];
        return type.Contains('.') && (type.EndsWith("Exception", StringComparison.Ordinal) || type.EndsWith("Error", StringComparison.Ordinal))
            && (n == line.Length || line[n] == ':');
    }
}
