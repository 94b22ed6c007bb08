using LogCorrelator.Ingest.Classify;

namespace LogCorrelator.Ingest.Formats.Common;

/// <summary>
/// Finds the line of an entry that states the database exception, e.g.
/// <c>Microsoft.Data.SqlClient.SqlException (0x80131904): A transport-level error ...</c>,
/// wherever it sits: on the line after the message (Serilog, log4net), after an outer
/// exception's <c>---&gt;</c>, or inline at the end of the message.
/// </summary>
internal static class ExceptionLine
{
    /// <summary>The character range from the exception's type name to the end of its line.</summary>
    public static bool TryFind(ReadOnlySpan<char> text, out int start, out int end)
    {
        int from = 0;
        while (from < text.Length)
        {
            int at = ClientErrorClassifier.IndexOfDriverException(text[from..]);
            if (at < 0)
                break;
            at += from;
            int typeStart = at;
            while (typeStart > 0 && IsTypeChar(text[typeStart - 1]))
                typeStart--;
            int typeEnd = at;
            while (typeEnd < text.Length && IsTypeChar(text[typeEnd]))
                typeEnd++;
            if (typeEnd > at && IsStatement(text[typeEnd..]))
            {
                int nl = text[typeStart..].IndexOf('\n');
                start = typeStart;
                end = nl < 0 ? text.Length : typeStart + nl;
                return true;
            }
            from = Math.Max(typeEnd, at + 1);
        }
        start = end = 0;
        return false;
    }

    private static bool IsTypeChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_';

    /// <summary>What follows a type name that states an exception: <c>: msg</c>, or <c> (0x80131904): msg</c>.</summary>
    private static bool IsStatement(ReadOnlySpan<char> rest)
    {
        if (rest.StartsWith(" (", StringComparison.Ordinal))
        {
            int close = rest.IndexOf(')');
            if (close < 0 || rest[..close].Contains('\n'))
                return false;
            rest = rest[(close + 1)..];
        }
        // A Java frame's "(SQLStateSQLExceptionTranslator.java:107)" has a colon too, but no blank after it.
        return rest.StartsWith(':') && (rest.Length == 1 || rest[1] is ' ' or '\n');
    }
}
