namespace LogCorrelator.Ingest.Formats.ErrorLog;

/// <summary>
/// Scores a sample for the ERRORLOG formats. The file's timestamp has exactly two decimals
/// (<c>2024-03-05 11:32:15.62</c>) and is followed by a space-padded process column; an export's
/// rows put LogDate, ProcessInfo and Text between tabs or commas. Few other logs look like either.
/// </summary>
internal static class ErrorLogSniffer
{
    private const int StampLength = 22; // yyyy-MM-dd HH:mm:ss.ff

    public static double Score(SniffSample sample) =>
        Score(sample, ErrorLogLineParser.Instance, IsErrorLogName(sample.FileName),
            static (line, h) => h.StampLength == StampLength && line[19] == '.');

    public static double ScoreExport(SniffSample sample) =>
        Score(sample, ExportLineParser.Instance, sample.Lines.Count > 0 && sample.Lines[0].TrimStart('"').StartsWith("LogDate", StringComparison.OrdinalIgnoreCase),
            static (_, _) => true);

    private static double Score(SniffSample sample, IErrorLogLineParser parser, bool vouched, Func<string, ErrorLogHeader, bool> fits)
    {
        int matching = 0, known = 0, other = 0, prose = 0;
        foreach (string line in sample.Lines)
        {
            var shape = parser.Parse(line, out ErrorLogHeader h);
            if (shape is ErrorLogLineShape.Ignored
                || (shape == ErrorLogLineShape.Continuation && !ErrorLogLineParser.StartsLikeTimestamp(line.AsSpan().TrimStart('"'))))
            {
                if (shape == ErrorLogLineShape.Continuation && !string.IsNullOrWhiteSpace(line))
                    prose++;
                continue;
            }
            if (shape == ErrorLogLineShape.Entry && h.ProcessLength > 0 && fits(line, h))
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
        if (matching == 0)
            return 0;
        double share = matching / (double)(matching + other);
        // ERRORLOG lines quoted among more other text (an issue, a console with several services, a blog)
        // are the general reader's: it reads SQL Server's lines and everything around them.
        if (!vouched && prose > 2 * matching)
            return 0.25 * share;
        if (known > 0 && share >= 0.8)
            return vouched ? 0.99 : 0.95;
        if (vouched && share >= 0.5)
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
