namespace LogCorrelator.Ingest.Formats.AppLog;

/// <summary>
/// Level words as the .NET loggers write them: Serilog's <c>[ERR]</c> (u3) and full names, NLog and
/// log4net's <c>ERROR</c>, Microsoft.Extensions.Logging's console <c>fail:</c>; matched ignoring case.
/// </summary>
internal static class AppLogLevels
{
    private static readonly (string Word, AppLogLevel Level)[] Words =
    [
        ("INF", AppLogLevel.Info), ("INFO", AppLogLevel.Info), ("Information", AppLogLevel.Info),
        ("DBG", AppLogLevel.Debug), ("DEBUG", AppLogLevel.Debug), ("dbug", AppLogLevel.Debug),
        ("WRN", AppLogLevel.Warning), ("WARN", AppLogLevel.Warning), ("Warning", AppLogLevel.Warning),
        ("ERR", AppLogLevel.Error), ("ERROR", AppLogLevel.Error), ("fail", AppLogLevel.Error),
        ("FTL", AppLogLevel.Fatal), ("FATAL", AppLogLevel.Fatal), ("crit", AppLogLevel.Fatal), ("Critical", AppLogLevel.Fatal),
        ("VRB", AppLogLevel.Trace), ("Verbose", AppLogLevel.Trace), ("TRC", AppLogLevel.Trace), ("TRACE", AppLogLevel.Trace),
        ("trce", AppLogLevel.Trace),
    ];

    public static AppLogLevel Parse(ReadOnlySpan<char> token)
    {
        if (token.Length is < 3 or > 11)
            return AppLogLevel.None;
        foreach (var (word, level) in Words)
        {
            if (word.Length == token.Length && token.Equals(word, StringComparison.OrdinalIgnoreCase))
                return level;
        }
        return AppLogLevel.None;
    }
}
