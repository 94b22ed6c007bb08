namespace LogCorrelator.Ingest.Formats.ErrorLog;

/// <summary>
/// Scores a sample for <see cref="ErrorLogFormat"/>: ERRORLOG's timestamp has exactly two decimals
/// (<c>2024-03-05 11:32:15.62</c>) and is followed by a process column; few other logs look like that.
/// </summary>
internal static class ErrorLogSniffer
{
    private const int StampLength = 22; // yyyy-MM-dd HH:mm:ss.ff

    public static double Score(SniffSample sample)
    {
        int matching = 0, known = 0, other = 0;
        foreach (string line in sample.Lines)
        {
            var shape = ErrorLogLineParser.Parse(line, out ErrorLogHeader h);
            if (shape == ErrorLogLineShape.Continuation && !ErrorLogLineParser.StartsLikeTimestamp(line))
                continue;
            if (shape == ErrorLogLineShape.Entry && h.StampLength == StampLength && line[19] == '.' && h.ProcessLength > 0)
            {
                matching++;
                if (IsKnownProcess(line.AsSpan(h.ProcessStart, h.ProcessLength)))
                    known++;
            }
            else
            {
                other++;
            }
        }
        bool named = IsErrorLogName(sample.FileName);
        if (matching == 0)
            return 0;
        double share = matching / (double)(matching + other);
        if (known > 0 && share >= 0.8)
            return named ? 0.99 : 0.95;
        if (named && share >= 0.5)
            return 0.9;
        return 0.25 * share;
    }

    /// <summary><c>ERRORLOG</c>, <c>ERRORLOG.1</c> … <c>ERRORLOG.n</c>, as SQL Server names its files.</summary>
    public static bool IsErrorLogName(string fileName)
    {
        var name = Path.GetFileName(fileName.AsSpan());
        if (!name.StartsWith("ERRORLOG", StringComparison.OrdinalIgnoreCase))
            return false;
        var rest = name["ERRORLOG".Length..];
        if (rest.IsEmpty)
            return true;
        return rest.Length > 1 && rest[0] == '.' && !rest[1..].ContainsAnyExceptInRange('0', '9');
    }

    private static bool IsKnownProcess(ReadOnlySpan<char> process) =>
        ErrorLogClassifier.SpidOf(process) is not null
        || process is "Server" or "Logon" or "Backup";
}
