using LogCorrelator.Time;

namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>
/// Spots the lines of other logs in a sample: a timestamp followed by an ERRORLOG source
/// (<c>spid51</c>, <c>Server</c>, <c>Logon</c>) or a level. The network formats score such samples low.
/// </summary>
internal static class LogShape
{
    private static readonly string[] Words =
        ["spid", "Server", "Logon", "Backup", "INFO", "INF", "WARN", "WRN", "WARNING", "ERROR", "ERR", "DEBUG", "DBG", "TRACE", "FATAL", "FTL", "VERBOSE", "VRB", "[", "|"];

    public static bool LooksLikeLogLine(ReadOnlySpan<char> line)
    {
        if (!TimestampParser.TryParse(line, out _, out int used))
            return false;
        var rest = line[used..].TrimStart();
        foreach (var word in Words)
        {
            if (rest.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }
}
