using System.Buffers;
using System.Globalization;

namespace LogCorrelator.Ingest.Classify;

/// <summary>
/// The numbers, SQLSTATEs and connection ids a driver states outright, read from spans.
/// A stated number beats any phrase: it is the driver's own <c>SqlException.Number</c>.
/// </summary>
internal static class StatedNumbers
{
    /// <summary>
    /// SqlClient's <c>Error Number:10054,State:0,Class:20</c> (the end of <c>SqlException.ToString()</c>),
    /// SSMS and SQLCMD's <c>Msg 10054, Level 20</c>, SSMS's <c>(Microsoft SQL Server, Error: 53)</c>,
    /// SQLCMD's <c>HResult 0x2746</c> (a Winsock code in hex: 0x2746 is 10054).
    /// Zero is no number: managed SNI on Linux reports Number 0 for transport errors.
    /// </summary>
    public static bool TryCode(ReadOnlySpan<char> text, out int code)
    {
        code = 0;
        // One vectorized look for any of the keys below before trying each (most entries state no number).
        if (!text.ContainsAny(CodeKeys) && !(text.ContainsAnyExceptInRange('\0', '\x7f') && text.ContainsAny(MsgSearch)))
            return false;
        return (TryAfter(text, "Error Number:", out code)
                || TryPropertyLine(text, "Number: ", out code)
                || TryMsgLevel(text, out code)
                || TryFreeTdsError(text, out code)
                || TryMicrosoftSqlServer(text, out code)
                || TryHResult(text, out code))
            && code != 0;
    }

    private static readonly SearchValues<string> CodeKeys = SearchValues.Create(
        ["Error Number:", "\nNumber: ", "Msg ", "Meldung ", "Message ", "Mensaje ", "Messaggio ", " (severity", "(Microsoft SQL Server", "HResult 0x"],
        StringComparison.Ordinal);

    // Printed numbers that are not SqlException.Number but name the failure as precisely: the SNI provider
    // error, the OS error of an inner exception, the driver's own message number (wild corpus, all groups).
    private static readonly string[] AlternativeKeys =
    [
        "error: ", "Win32Exception (", "SocketException (", "os error ", "Error code 0x", "DB-Lib error message ", "Code: ",
        "OperationalError: (", "DatabaseException: (", "InterfaceError: (", "[code] => ", "SQL Server [", "tdserror(",
        "Error Details",
    ];

    /// <summary>
    /// Numbers the text prints besides its code, in order of appearance (at most <paramref name="into"/>'s length):
    /// <c>(provider: TCP Provider, error: 35 - ...)</c>, <c>Win32Exception (10054)</c>, <c>SocketException (104)</c>,
    /// <c>(os error 10054)</c>, ODBC's <c>Error code 0x2714</c>, FreeTDS's <c>Error 20009 (severity 9)</c> and
    /// <c>DB-Lib error message 20002</c>, PHP's <c>Code: 104</c>, pymssql's <c>(20002, b'...')</c>.
    /// </summary>
    public static int Alternatives(ReadOnlySpan<char> text, Span<int> into)
    {
        int n = 0;
        if (into.IsEmpty)
            return 0;
        // One vectorized pass over the text; at each hit, which key it is and the number after it.
        int offset = 0, at;
        while (n < into.Length && offset < text.Length && (at = text[offset..].IndexOfAny(AlternativeSearch)) >= 0)
        {
            at += offset;
            offset = at + 1;
            var here = text[at..];
            foreach (var key in AlternativeKeys)
            {
                if (!here.StartsWith(key, StringComparison.OrdinalIgnoreCase))
                    continue;
                var after = here[key.Length..];
                int value;
                if (key == "tdserror(")
                {
                    // tdserror(0x259d130, 0x259d650, 20017, 0): the third argument is the message number.
                    int second = after.IndexOf(", ", StringComparison.Ordinal);
                    int third = second < 0 ? -1 : after[(second + 2)..].IndexOf(", ", StringComparison.Ordinal);
                    if (third < 0 || !TryInteger(after[(second + 2 + third + 2)..], out value))
                        break;
                }
                else if (key == "Error code 0x")
                {
                    int hex = 0;
                    while (hex < after.Length && hex < 5 && char.IsAsciiHexDigit(after[hex]))
                        hex++;
                    if (hex is 0 or > 4 || !int.TryParse(after[..hex], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value))
                        break;
                }
                // PowerShell's error record: "Error Details      : -1 - A transport-level error ..." (wild corpus dotnet/028).
                else if (key == "Error Details")
                {
                    var field = after.TrimStart(' ');
                    if (field.IsEmpty || field[0] != ':' || !TryInteger(field[1..].TrimStart(' '), out value) || value == 0)
                        break;
                }
                else if (!TryInteger(after, out value) || value == 0)
                {
                    break;
                }
                // "error: 35 - " only inside a provider clause.
                if (key == "error: " && !IsProviderError(text, at + key.Length, after))
                    break;
                if (!into[..n].Contains(value))
                    into[n++] = value;
                break;
            }
        }
        if (text.Contains("(severity", StringComparison.Ordinal))
        {
            foreach (var key in ErrorNumberKeys)
            {
                int k = text.IndexOf(key, StringComparison.Ordinal);
                if (k < 0 || n >= into.Length)
                    continue;
                var after = text[(k + key.Length)..];
                int digits = LeadingDigits(after);
                if (digits > 0 && after[digits..].StartsWith(" (severity", StringComparison.Ordinal)
                    && TryInteger(after, out int value) && !into[..n].Contains(value))
                    into[n++] = value;
            }
        }
        return n;
    }

    // FreeTDS: "Error 20009 (severity 9):", "Msg 40532 (severity 20, state 1)".
    private static readonly string[] ErrorNumberKeys = ["Error ", "Msg "];

    private static readonly SearchValues<string> AlternativeSearch = SearchValues.Create(AlternativeKeys, StringComparison.OrdinalIgnoreCase);

    private static bool IsProviderError(ReadOnlySpan<char> text, int at, ReadOnlySpan<char> after)
    {
        int digits = LeadingDigits(after);
        if (digits == 0 || !after[digits..].StartsWith(" -", StringComparison.Ordinal))
            return false;
        int window = Math.Max(0, at - 60);
        return text[window..at].Contains("provider:", StringComparison.OrdinalIgnoreCase);
    }

    private static bool TryAfter(ReadOnlySpan<char> text, string key, out int code)
    {
        code = 0;
        int at = text.IndexOf(key, StringComparison.Ordinal);
        return at >= 0 && TryInteger(text[(at + key.Length)..].TrimStart(' '), out code);
    }

    // SSMS's "Msg N, Level L" in the languages it is installed in (wild corpus world/005-016, 044).
    private static readonly string[] MsgWords =
        ["Msg ", "Meldung ", "Message ", "Mensaje ", "Messaggio ", "Сообщение ", "メッセージ ", "메시지 ", "消息 ", "訊息 "];

    private static readonly SearchValues<string> MsgSearch = SearchValues.Create(MsgWords, StringComparison.Ordinal);

    /// <summary>A line that opens with an SSMS or FreeTDS message header (<c>Msg 18456, Level 14</c>, any language).</summary>
    public static bool StartsWithMsg(ReadOnlySpan<char> line)
    {
        line = line.TrimStart(" \t\"'«“「`>");
        foreach (var word in MsgWords)
        {
            if (line.StartsWith(word, StringComparison.Ordinal) && line.Length > word.Length && char.IsAsciiDigit(line[word.Length]))
                return true;
        }
        return line.StartsWith("Error ", StringComparison.Ordinal) && line.Length > 6 && char.IsAsciiDigit(line[6])
            && line[6..].IndexOf(" (severity", StringComparison.Ordinal) is > 0 and < 8;
    }

    private static bool TryMsgLevel(ReadOnlySpan<char> text, out int code)
    {
        code = 0;
        var rest = text;
        int at;
        // One vectorized scan for every language's word; then the number and the comma after it.
        while ((at = rest.IndexOfAny(MsgSearch)) >= 0)
        {
            rest = rest[at..];
            int space = rest.IndexOf(' ');
            rest = rest[(space + 1)..];
            int digits = LeadingDigits(rest);
            // SSMS: "Msg 18456, Level 14"; FreeTDS: "Msg 40532 (severity 20, state 1)" (wild corpus native/028).
            if (digits > 0 && digits <= 6 && rest.Length > digits
                && (rest[digits] is ',' or '、' or '，' || rest[digits..].StartsWith(" (severity", StringComparison.Ordinal))
                && int.TryParse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out code))
                return true;
        }
        return false;
    }

    /// <summary>A property dump's own line: <c>Number: -1</c> (an SqlError printed field by field, wild corpus dotnet/070).</summary>
    private static bool TryPropertyLine(ReadOnlySpan<char> text, string key, out int code)
    {
        code = 0;
        int at = text.IndexOf("\n" + key, StringComparison.Ordinal);
        return at >= 0 && TryInteger(text[(at + 1 + key.Length)..], out code);
    }

    /// <summary>FreeTDS's DB-Lib message: <c>Error 20009 (severity 9):</c> (wild corpus native/026, 059, 061).</summary>
    private static bool TryFreeTdsError(ReadOnlySpan<char> text, out int code)
    {
        code = 0;
        int at = text.IndexOf(" (severity ", StringComparison.Ordinal);
        if (at < 0)
            return false;
        int start = at;
        while (start > 0 && char.IsAsciiDigit(text[start - 1]))
            start--;
        return start < at && start >= 6 && text[(start - 6)..start].SequenceEqual("Error ")
            && int.TryParse(text[start..at], NumberStyles.None, CultureInfo.InvariantCulture, out code);
    }

    /// <summary>SSMS's <c>(Microsoft SQL Server, Error: 53)</c>, in any language: <c>(Microsoft SQL Server、エラー:10061)</c>.</summary>
    private static bool TryMicrosoftSqlServer(ReadOnlySpan<char> text, out int code)
    {
        code = 0;
        int at = text.IndexOf("(Microsoft SQL Server", StringComparison.Ordinal);
        if (at < 0)
            return false;
        var rest = text[(at + 21)..];
        int close = rest.IndexOf(')');
        if (close < 0 || close > 24)
            return false;
        rest = rest[..close];
        int colon = rest.IndexOfAny(':', '：');
        return colon >= 0 && TryInteger(rest[(colon + 1)..].TrimStart(' '), out code);
    }

    private static bool TryHResult(ReadOnlySpan<char> text, out int code)
    {
        code = 0;
        const string key = "HResult 0x";
        int at = text.IndexOf(key, StringComparison.Ordinal);
        if (at < 0)
            return false;
        ReadOnlySpan<char> rest = text[(at + key.Length)..];
        int n = 0;
        while (n < rest.Length && char.IsAsciiHexDigit(rest[n]))
            n++;
        // Only a Win32/Winsock code fits in 16 bits; 0x80004005 and friends are COM HRESULTs, not numbers.
        if (n is 0 or > 4)
            return false;
        return int.TryParse(rest[..n], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out code);
    }

    private static bool TryInteger(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        int sign = s.Length > 0 && s[0] == '-' ? 1 : 0;
        int digits = LeadingDigits(s[sign..]);
        return digits > 0 && int.TryParse(s[..(sign + digits)], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    private static int LeadingDigits(ReadOnlySpan<char> s)
    {
        int n = 0;
        while (n < s.Length && char.IsAsciiDigit(s[n]))
            n++;
        return n;
    }

    /// <summary>
    /// The SQLSTATE an ODBC or JDBC text names: <c>[08S01]</c>, <c>SQLSTATE=08S01</c>, <c>SQLState: 08S01</c>.
    /// A warning class (01, as in pyodbc's <c>[01000] ...; [08S01] ...</c>) yields to a later error class.
    /// </summary>
    public static bool TrySqlState(ReadOnlySpan<char> text, out Range found)
    {
        found = default;
        bool any = false;
        int i = 0;
        while (i < text.Length)
        {
            int next = text[i..].IndexOfAny(StateStarts);
            if (next < 0)
                break;
            i += next;
            int start = text[i] == '[' ? i + 1 : AfterKeyword(text, i);
            i++;
            if (start + 5 > text.Length || !IsSqlState(text.Slice(start, 5)))
                continue;
            int end = start + 5;
            bool closed = text[start - 1] == '[' ? end < text.Length && text[end] == ']'
                : end == text.Length || !char.IsAsciiLetterOrDigit(text[end]);
            if (!closed)
                continue;
            found = new Range(start, end);
            any = true;
            if (!text.Slice(start, 2).SequenceEqual("01"))
                return true;
        }
        return any;
    }

    private static readonly System.Buffers.SearchValues<string> StateStarts =
        System.Buffers.SearchValues.Create(["[", "SQLSTATE", "SQL State"], StringComparison.OrdinalIgnoreCase);

    /// <summary>Past <c>SQLSTATE</c> or <c>SQL State</c> at <paramref name="at"/> and the blanks, '=', ':', '(' or quotes after it (HikariCP: <c>SQLSTATE(08S01)</c>).</summary>
    private static int AfterKeyword(ReadOnlySpan<char> text, int at)
    {
        int pos = at + (text[at..].StartsWith("SQLSTATE", StringComparison.OrdinalIgnoreCase) ? 8 : 9);
        int key = pos;
        // PHP's print_r(sqlsrv_errors()) writes "[SQLSTATE] => 08S01".
        while (pos < text.Length && text[pos] is ' ' or '=' or ':' or '\'' or '"' or '(' or ']' or '>')
            pos++;
        return pos > key ? pos : text.Length;
    }

    // The SQLSTATE classes ODBC and JDBC drivers raise. A closed list, so that a log4net thread id
    // like [12345] is not taken for a SQLSTATE.
    private static readonly string[] Classes =
        ["01", "07", "08", "0A", "21", "22", "23", "24", "25", "28", "34", "3C", "3D", "3F", "40", "42", "44", "HY", "IM", "S0", "S1"];

    private static bool IsSqlState(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c))
                return false;
        }
        foreach (string cls in Classes)
        {
            if (s.StartsWith(cls, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The native error of the ODBC diagnostic record whose SQLSTATE is at <paramref name="state"/>:
    /// the last parenthesised number of the record, as pyodbc and the ODBC trace print it
    /// (<c>[08S01] [Microsoft][ODBC Driver 17 for SQL Server]TCP Provider: ... (10054) (SQLExecDirectW)</c>,
    /// <c>...General network error. Check your network documentation. (11)</c>, FreeTDS's <c>(20009)</c>),
    /// or a <c>native error 10054</c> / <c>NativeError=10054</c> on the same line. Zero is no number.
    /// </summary>
    /// <remarks>
    /// A record ends at the next bracketed SQLSTATE (pyodbc joins records with <c>; </c>) or at the end
    /// of its line; the line after it still belongs to it when it is only the number, because the
    /// Microsoft drivers end the message with CR LF and the trace prints the number after that.
    /// </remarks>
    public static bool TryNativeError(ReadOnlySpan<char> text, Range state, out int native)
    {
        int at = state.End.GetOffset(text.Length);
        int lineStart = text[..at].LastIndexOf('\n') + 1;
        int lineEnd = text[at..].IndexOf('\n');
        ReadOnlySpan<char> line = text[lineStart..(lineEnd < 0 ? text.Length : at + lineEnd)];
        if (TryKeyedNative(line, out native))
            return native != 0;
        return TryTrailingNative(Record(text[at..]), out native) && native != 0;
    }

    /// <summary>The rest of the diagnostic record whose SQLSTATE is at <paramref name="state"/>: its message and native error.</summary>
    public static ReadOnlySpan<char> DiagnosticRecord(ReadOnlySpan<char> text, Range state) =>
        Record(text[state.End.GetOffset(text.Length)..]);

    private static ReadOnlySpan<char> Record(ReadOnlySpan<char> rest)
    {
        int end = rest.Length;
        int nl = rest.IndexOf('\n');
        if (nl >= 0)
        {
            ReadOnlySpan<char> next = rest[(nl + 1)..];
            int nextEnd = next.IndexOf('\n');
            ReadOnlySpan<char> nextLine = (nextEnd < 0 ? next : next[..nextEnd]).Trim();
            end = nextLine.Length > 2 && nextLine[0] == '(' && TryTrailingNative(nextLine, out _)
                ? nl + 1 + (nextEnd < 0 ? next.Length : nextEnd)
                : nl;
        }
        ReadOnlySpan<char> record = rest[..end];
        for (int i = record.IndexOf('['); i >= 0 && i + 7 <= record.Length; )
        {
            if (record[i + 6] == ']' && IsSqlState(record.Slice(i + 1, 5)))
                return record[..i];
            int next = record[(i + 1)..].IndexOf('[');
            i = next < 0 ? -1 : i + 1 + next;
        }
        return record;
    }

    /// <summary>The last <c>(N)</c> of <paramref name="record"/>; <c>(recv())</c> and <c>(SQLExecDirectW)</c> are skipped.</summary>
    private static bool TryTrailingNative(ReadOnlySpan<char> record, out int native)
    {
        native = 0;
        int open;
        while ((open = record.LastIndexOf('(')) >= 0)
        {
            ReadOnlySpan<char> inside = record[(open + 1)..];
            int close = inside.IndexOf(')');
            if (close > 0 && TryInteger(inside[..close], out native) && IntegerLength(inside[..close]) == close)
                return true;
            record = record[..open];
        }
        return false;
    }

    private static int IntegerLength(ReadOnlySpan<char> s)
    {
        int sign = s.Length > 0 && s[0] == '-' ? 1 : 0;
        return sign + LeadingDigits(s[sign..]);
    }

    private static readonly string[] NativeKeys = ["native error", "nativeerror", "native_error"];

    private static readonly SearchValues<string> NativeSearch = SearchValues.Create(NativeKeys, StringComparison.OrdinalIgnoreCase);

    private static bool TryKeyedNative(ReadOnlySpan<char> line, out int native)
    {
        native = 0;
        if (!line.ContainsAny(NativeSearch))
            return false;
        foreach (string key in NativeKeys)
        {
            int at = line.IndexOf(key, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
                continue;
            ReadOnlySpan<char> rest = line[(at + key.Length)..];
            int skip = rest.IndexOfAnyExcept(" :=");
            if (skip >= 0 && TryInteger(rest[skip..], out native))
                return true;
        }
        return false;
    }

    /// <summary>SqlClient's and mssql-jdbc's <c>ClientConnectionId:8e3f...</c>, a GUID.</summary>
    public static bool TryConnectionId(ReadOnlySpan<char> text, out Range found)
    {
        found = default;
        // SqlClient and mssql-jdbc print the key exactly so; an ordinal search is vectorized, an
        // ignore-case one in invariant mode is not (it was a sixth of the general reader's time).
        const string key = "ClientConnectionId:";
        int at = text.IndexOf(key, StringComparison.Ordinal);
        if (at < 0)
            return false;
        int start = at + key.Length;
        while (start < text.Length && text[start] == ' ')
            start++;
        int end = start;
        while (end < text.Length && (char.IsAsciiHexDigit(text[end]) || text[end] == '-'))
            end++;
        // SqlClient prints an all-zero id when no connection was made: it identifies nothing.
        if (end - start != 36 || text[start..end].IndexOfAnyExcept("0-") < 0)
            return false;
        found = new Range(start, end);
        return true;
    }
}
