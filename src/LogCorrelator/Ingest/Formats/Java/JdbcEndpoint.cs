using System.Globalization;

namespace LogCorrelator.Ingest.Formats.Java;

/// <summary>
/// The server a Microsoft JDBC driver connect failure names:
/// <c>The TCP/IP connection to the host sqlprod01, port 1433 has failed.</c>
/// </summary>
internal static class JdbcEndpoint
{
    private const string Key = "connection to the host ";

    public static bool TryFind(ReadOnlySpan<char> text, out Range host, out int port)
    {
        host = default;
        port = 0;
        int at = text.IndexOf(Key, StringComparison.Ordinal);
        if (at < 0)
            return false;
        int start = at + Key.Length;
        int comma = text[start..].IndexOf(", port ", StringComparison.Ordinal);
        if (comma <= 0 || text.Slice(start, comma).ContainsAny(" \n"))
            return false;
        ReadOnlySpan<char> rest = text[(start + comma + ", port ".Length)..];
        int digits = 0;
        while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            digits++;
        if (digits is 0 or > 5 || !int.TryParse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
            return false;
        host = new Range(start, start + comma);
        return true;
    }
}
