using System.Buffers;
using LogCorrelator.Text;

namespace LogCorrelator.Ingest.Formats.Common;

/// <summary>
/// The machine a line names for itself: a <c>MachineName=APPSRV01</c> or <c>Machine: APPSRV01</c>
/// token (Serilog's and NLog's machine-name enrichers), or <c>host=APPSRV01</c>. Only the entry's
/// first line is read, where layouts put their enriched properties; a stack trace never names the host.
/// </summary>
/// <remarks>
/// Kept deliberately simple: a key word at a word boundary, '=' or ':' (quotes and blanks allowed
/// around them, so JSON-ish <c>"MachineName": "APPSRV01"</c> works), then a name of letters,
/// digits, '.', '-' or '_'. A connection string's <c>Host=</c> would be misread, but SqlClient
/// connection strings say <c>Data Source=</c> or <c>Server=</c>.
/// </remarks>
internal static class HostToken
{
    private static readonly SearchValues<string> Keys =
        SearchValues.Create(["machine", "host"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The machine of a SQL Server name: <c>SQLPROD01\INST1</c> runs on SQLPROD01, the host its events
    /// belong to (the instance stays in the text). Empty when the name is.
    /// </summary>
    public static ReadOnlySpan<char> MachineOfServer(ReadOnlySpan<char> server)
    {
        int slash = server.IndexOf('\\');
        return (slash < 0 ? server : server[..slash]).Trim();
    }

    public static string? Find(ReadOnlySpan<char> line, NamePool names)
    {
        int from = 0;
        while (from < line.Length)
        {
            int at = line[from..].IndexOfAny(Keys);
            if (at < 0)
                return null;
            at += from;
            bool machine = line[at] is 'm' or 'M';
            int pos = at + (machine ? 7 : 4);
            if (machine && line[pos..].StartsWith("name", StringComparison.OrdinalIgnoreCase))
                pos += 4;
            from = pos;
            if (at > 0 && (char.IsAsciiLetterOrDigit(line[at - 1]) || line[at - 1] == '_'))
                continue;
            pos = Skip(line, pos, " \"'");
            if (pos >= line.Length || line[pos] is not ('=' or ':'))
                continue;
            pos = Skip(line, pos + 1, " \"'");
            int end = pos;
            while (end < line.Length && (char.IsAsciiLetterOrDigit(line[end]) || line[end] is '.' or '-' or '_'))
                end++;
            if (end > pos)
                return names.Intern(line[pos..end]);
        }
        return null;
    }

    private static int Skip(ReadOnlySpan<char> line, int pos, string chars)
    {
        while (pos < line.Length && chars.Contains(line[pos]))
            pos++;
        return pos;
    }
}
