using LogCorrelator.Time;

namespace LogCorrelator.Ingest.Formats.ErrorLog;

/// <summary>
/// A row of <c>xp_readerrorlog</c> / <c>sp_readerrorlog</c> as SSMS saves its grid: LogDate,
/// ProcessInfo, Text, separated by tabs (.txt) or commas (.csv), fields quoted only when SSMS's
/// quoting option is on. Text is the last column, so its commas need no quotes; a Text with line
/// breaks (the banner) continues on lines without a timestamp, as in the ERRORLOG itself.
/// </summary>
internal sealed class ExportLineParser : IErrorLogLineParser
{
    public static readonly ExportLineParser Instance = new();

    private ExportLineParser()
    {
    }

    public ErrorLogLineShape Parse(ReadOnlySpan<char> line, out ErrorLogHeader header)
    {
        header = default;
        int i = line.Length > 0 && line[0] == '"' ? 1 : 0;
        var rest = line[i..];
        if (!ErrorLogLineParser.StartsLikeTimestamp(rest))
            return IsColumnNames(rest) ? ErrorLogLineShape.Ignored : ErrorLogLineShape.Continuation;
        if (!TimestampParser.TryParse(rest, out LocalStamp stamp, out int used) || stamp.HasOffset)
            return ErrorLogLineShape.MalformedTimestamp;
        int p = i + used;
        if (i == 1 && p < line.Length && line[p] == '"')
            p++;
        if (p >= line.Length || line[p] is not (',' or '\t'))
            return ErrorLogLineShape.MalformedTimestamp;
        int stampLength = p;
        char separator = line[p++];

        int processStart = p, processLength;
        if (p < line.Length && line[p] == '"')
        {
            int close = line[(p + 1)..].IndexOf('"');
            processStart = p + 1;
            processLength = close < 0 ? line.Length - processStart : close;
            p = close < 0 ? line.Length : processStart + close + 1;
        }
        else
        {
            int sep = line[p..].IndexOf(separator);
            processLength = sep < 0 ? line.Length - p : sep;
            p += processLength;
        }
        if (p < line.Length && line[p] == separator)
            p++;

        int messageStart = p, messageEnd = line.Length;
        if (messageStart < messageEnd && line[messageStart] == '"')
        {
            messageStart++;
            if (messageEnd > messageStart && line[messageEnd - 1] == '"')
                messageEnd--;
        }
        header = new ErrorLogHeader(new LocalStamp(stamp.LocalMs, null), stampLength, processStart, processLength,
            messageStart, messageEnd - messageStart);
        return ErrorLogLineShape.Entry;
    }

    private static bool IsColumnNames(ReadOnlySpan<char> line) =>
        line.StartsWith("LogDate", StringComparison.OrdinalIgnoreCase);
}
