using LogCorrelator.Time;

namespace LogCorrelator.Ingest.Formats.ErrorLog;

/// <summary>
/// Splits an ERRORLOG line into timestamp, process column and message, on the span, without
/// allocating. The process column (<c>Server</c>, <c>spid52</c>, <c>spid11s</c>, <c>Logon</c>,
/// <c>Backup</c>) is padded with spaces to 12 characters, but old logs use a single space,
/// so the message starts at the first non-space after the process name.
/// </summary>
internal sealed class ErrorLogLineParser : IErrorLogLineParser
{
    public static readonly ErrorLogLineParser Instance = new();

    private ErrorLogLineParser()
    {
    }

    public ErrorLogLineShape Parse(ReadOnlySpan<char> line, out ErrorLogHeader header)
    {
        header = default;
        if (!StartsLikeTimestamp(line))
            return ErrorLogLineShape.Continuation;
        if (!TimestampParser.TryParse(line, out LocalStamp stamp, out int used))
            return ErrorLogLineShape.MalformedTimestamp;
        // The parser also takes "+01:00" and "Z"; ERRORLOG never writes them, and a zone
        // in the text would silently beat the UTC adjustment, so only the wall clock is kept.
        if (stamp.HasOffset || (used < line.Length && line[used] is not (' ' or '\t')))
            return ErrorLogLineShape.MalformedTimestamp;

        int i = used;
        while (i < line.Length && line[i] is (' ' or '\t'))
            i++;
        int processStart = i;
        while (i < line.Length && line[i] is not (' ' or '\t'))
            i++;
        int processLength = i - processStart;
        int messageStart = SkipSpaces(line, i);
        header = new ErrorLogHeader(new LocalStamp(stamp.LocalMs, null), used, processStart, processLength,
            messageStart, line.Length - messageStart);
        return ErrorLogLineShape.Entry;
    }

    /// <summary>Four digits, a dash and a digit: a line meant to carry a timestamp.</summary>
    public static bool StartsLikeTimestamp(ReadOnlySpan<char> line) =>
        line.Length >= 6 && char.IsAsciiDigit(line[0]) && char.IsAsciiDigit(line[1]) && char.IsAsciiDigit(line[2])
        && char.IsAsciiDigit(line[3]) && line[4] == '-' && char.IsAsciiDigit(line[5]);

    private static int SkipSpaces(ReadOnlySpan<char> line, int i)
    {
        while (i < line.Length && line[i] == ' ')
            i++;
        return i;
    }
}
