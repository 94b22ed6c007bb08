using LogCorrelator.Ingest.Formats.Common;
using LogCorrelator.Time;

namespace LogCorrelator.Ingest.Formats.Python;

/// <summary>
/// The first line of a Python <c>logging</c> record in the layouts applications use:
/// <c>%(asctime)s %(levelname)s %(name)s: %(message)s</c> (<c>2024-03-05 11:32:15,123 ERROR orders.db: ...</c>),
/// the cookbook's <c>%(asctime)s - %(name)s - %(levelname)s - %(message)s</c>, and Flask's
/// <c>[%(asctime)s] %(levelname)s in %(module)s: %(message)s</c>. Any other timestamped line still
/// starts an entry, read as the generic layout.
/// </summary>
internal static class PythonHeaderParser
{
    public static bool TryParse(ReadOnlySpan<char> line, out LogHeader header) =>
        TryParseStrict(line, out header) || LogHeaderParser.TryParse(line, out header);

    /// <summary>True only for the Python layouts themselves; detection counts these lines.</summary>
    public static bool TryParseStrict(ReadOnlySpan<char> line, out LogHeader header)
    {
        header = default;
        bool bracketed = line.Length > 0 && line[0] == '[';
        int start = bracketed ? 1 : 0;
        if (!TimestampParser.TryParse(line[start..], out LocalStamp stamp, out int used))
            return false;
        var cursor = new LineCursor(line, start + used);
        if (bracketed && !cursor.Take("]"))
            return false;

        if (cursor.Take(" - "))
            return NameThenLevel(line, ref cursor, stamp, out header);
        if (cursor.SkipBlanks() == 0)
            return false;
        LogLevel level = LogLevels.Parse(cursor.Word());
        if (level == LogLevel.None || cursor.SkipBlanks() == 0)
            return false;
        // Flask: "ERROR in app: message".
        if (cursor.Take("in "))
            cursor.SkipBlanks();
        ReadOnlySpan<char> name = NameBeforeColon(line, ref cursor);
        if (!LoggerName.IsLowerCaseName(name) || !cursor.Separator(':'))
            return false;
        header = new LogHeader(stamp, level, cursor.Position, false, LogFamily.Python);
        return true;
    }

    /// <summary>The cookbook layout after its first " - ": <c>name - LEVEL - message</c>.</summary>
    private static bool NameThenLevel(ReadOnlySpan<char> line, ref LineCursor cursor, LocalStamp stamp, out LogHeader header)
    {
        header = default;
        if (!LoggerName.IsName(cursor.Word()) || !cursor.Take(" - "))
            return false;
        LogLevel level = LogLevels.Parse(cursor.Word());
        if (level == LogLevel.None || !cursor.Take(" -"))
            return false;
        cursor.SkipBlanks();
        header = new LogHeader(stamp, level, cursor.Position, false, LogFamily.Python);
        return true;
    }

    private static ReadOnlySpan<char> NameBeforeColon(ReadOnlySpan<char> line, ref LineCursor cursor)
    {
        int start = cursor.Position;
        int colon = line[start..].IndexOfAny(": ");
        if (colon <= 0 || line[start + colon] != ':')
            return default;
        cursor = new LineCursor(line, start + colon);
        return line.Slice(start, colon);
    }
}
