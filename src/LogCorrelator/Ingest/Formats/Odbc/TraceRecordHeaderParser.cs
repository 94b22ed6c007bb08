using System.Globalization;

namespace LogCorrelator.Ingest.Formats.Odbc;

/// <summary>
/// The record headers of the two ODBC driver manager traces. Windows (SQL.LOG, ODBC32 tracing):
/// <c>orders          1a2c-3b4d	EXIT  SQLExecDirectW  with return code -1 (SQL_ERROR)</c>, the app
/// name padded, then process and thread ids in hex, no time. unixODBC (<c>Trace=Yes</c> in odbcinst.ini):
/// <c>[ODBC][4216][1709638323.120000][SQLDriverConnect.c][751]</c>: program, pid, Unix time, the driver
/// manager's source file (named after the function) and line; old versions leave the time out.
/// </summary>
internal static class TraceRecordHeaderParser
{
    public static bool TryParse(ReadOnlySpan<char> line, out TraceRecordHeader header) =>
        TryParseUnix(line, out header) || TryParseWindows(line, out header);

    private static bool TryParseUnix(ReadOnlySpan<char> line, out TraceRecordHeader header)
    {
        header = default;
        if (line.Length < 12 || line[0] != '[' || line[^1] != ']')
            return false;
        Span<Range> fields = stackalloc Range[6];
        int n = line[1..^1].Split(fields, "][");
        if (n is < 4 or > 5)
            return false;
        ReadOnlySpan<char> inner = line[1..^1];
        if (!IsDigits(inner[fields[1]]) || !IsDigits(inner[fields[n - 1]]))
            return false;
        ReadOnlySpan<char> file = inner[fields[n - 2]];
        if (!file.EndsWith(".c", StringComparison.Ordinal) || file.Length < 3)
            return false;
        long? utc = null;
        if (n == 5)
        {
            if (!TryUnixTime(inner[fields[2]], out long ms))
                return false;
            utc = ms;
        }
        int fileStart = 1 + fields[n - 2].Start.GetOffset(inner.Length);
        header = new TraceRecordHeader(new Range(fileStart, fileStart + file.Length - 2), null, utc);
        return true;
    }

    /// <summary><c>1709638323.120000</c>: seconds and microseconds since 1970, UTC.</summary>
    private static bool TryUnixTime(ReadOnlySpan<char> s, out long ms)
    {
        ms = 0;
        int dot = s.IndexOf('.');
        ReadOnlySpan<char> seconds = dot < 0 ? s : s[..dot];
        ReadOnlySpan<char> fraction = dot < 0 ? default : s[(dot + 1)..];
        if (!IsDigits(seconds) || seconds.Length > 11 || (dot >= 0 && !IsDigits(fraction)))
            return false;
        ms = long.Parse(seconds, NumberStyles.None, CultureInfo.InvariantCulture) * 1000;
        for (int i = 0, scale = 100; i < Math.Min(3, fraction.Length); i++, scale /= 10)
            ms += (fraction[i] - '0') * scale;
        return true;
    }

    private static bool TryParseWindows(ReadOnlySpan<char> line, out TraceRecordHeader header)
    {
        header = default;
        if (line.IsEmpty || line[0] is ' ' or '\t')
            return false;
        int verb = FindVerb(line, out int verbLength);
        if (verb < 0)
            return false;
        int pos = verb + verbLength;
        while (pos < line.Length && line[pos] == ' ')
            pos++;
        int fnStart = pos;
        while (pos < line.Length && (char.IsAsciiLetterOrDigit(line[pos]) || line[pos] == '_'))
            pos++;
        if (pos == fnStart || !line[fnStart..].StartsWith("SQL", StringComparison.Ordinal))
            return false;
        var function = new Range(fnStart, pos);
        int? code = null;
        const string with = "with return code ";
        int w = line[pos..].IndexOf(with, StringComparison.Ordinal);
        if (w >= 0)
        {
            ReadOnlySpan<char> rest = line[(pos + w + with.Length)..];
            int end = rest.IndexOf(' ');
            if (int.TryParse(end < 0 ? rest : rest[..end], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int rc))
                code = rc;
        }
        header = new TraceRecordHeader(function, code, null);
        return true;
    }

    /// <summary>Where <c>ENTER</c> or <c>EXIT</c> stands, after the <c>pid-tid</c> (or <c>pid:tid</c>) field and a tab or blanks.</summary>
    private static int FindVerb(ReadOnlySpan<char> line, out int length)
    {
        length = 0;
        foreach (string verb in (ReadOnlySpan<string>)["ENTER ", "EXIT "])
        {
            int at = line.IndexOf(verb, StringComparison.Ordinal);
            if (at < 2 || line[at - 1] is not (' ' or '\t'))
                continue;
            ReadOnlySpan<char> before = line[..at].TrimEnd(" \t");
            int tokenStart = before.LastIndexOfAny(' ', '\t') + 1;
            if (tokenStart == 0 || !IsThreadId(before[tokenStart..]))
                continue;
            length = verb.Length;
            return at;
        }
        return -1;
    }

    /// <summary><c>1a2c-3b4d</c> or <c>179:192</c>: process and thread ids in hex.</summary>
    private static bool IsThreadId(ReadOnlySpan<char> s)
    {
        int sep = s.IndexOfAny('-', ':');
        return sep > 0 && sep < s.Length - 1 && IsHex(s[..sep]) && IsHex(s[(sep + 1)..]);
    }

    private static bool IsHex(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExcept("0123456789abcdefABCDEF");

    private static bool IsDigits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');
}
