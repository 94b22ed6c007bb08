namespace LogCorrelator.Ingest.Formats.Common;

/// <summary>
/// Level words as the loggers write them: Serilog's <c>[ERR]</c> (u3) and full names, NLog and
/// log4net's <c>ERROR</c>, Microsoft.Extensions.Logging's console <c>fail:</c>, Python's <c>WARNING</c>
/// and <c>CRITICAL</c>, log4j's and logback's <c>WARN</c>, java.util.logging's <c>SEVERE</c>; matched ignoring case.
/// </summary>
internal static class LogLevels
{
    private static readonly (string Word, LogLevel Level)[] Words =
    [
        ("INF", LogLevel.Info), ("INFO", LogLevel.Info), ("Information", LogLevel.Info),
        ("DBG", LogLevel.Debug), ("DEBUG", LogLevel.Debug), ("dbug", LogLevel.Debug),
        ("WRN", LogLevel.Warning), ("WARN", LogLevel.Warning), ("Warning", LogLevel.Warning),
        ("ERR", LogLevel.Error), ("ERROR", LogLevel.Error), ("fail", LogLevel.Error),
        ("FTL", LogLevel.Fatal), ("FATAL", LogLevel.Fatal), ("crit", LogLevel.Fatal), ("Critical", LogLevel.Fatal),
        ("VRB", LogLevel.Trace), ("Verbose", LogLevel.Trace), ("TRC", LogLevel.Trace), ("TRACE", LogLevel.Trace),
        ("trce", LogLevel.Trace), ("SEVERE", LogLevel.Error),
    ];

    public static LogLevel Parse(ReadOnlySpan<char> token)
    {
        if (token.Length is < 3 or > 11)
            return LogLevel.None;
        foreach (var (word, level) in Words)
        {
            if (word.Length == token.Length && token.Equals(word, StringComparison.OrdinalIgnoreCase))
                return level;
        }
        return LogLevel.None;
    }
}
