using System.Buffers;
using LogCorrelator.Time;

namespace LogCorrelator.Ingest.Formats.Common;

/// <summary>
/// Reads the start of an application log line: an optional '[', a timestamp in any layout
/// <see cref="TimestampParser"/> knows, then the level word wherever the layout puts it
/// (Serilog <c>[ERR]</c>, NLog <c>|ERROR|</c>, log4net <c>[12] ERROR</c>), then the message.
/// </summary>
internal static class LogHeaderParser
{
    // The level is one of the first few fields: "[thread] LEVEL" in log4net, "[LVL]" in Serilog.
    private const int MaxFieldsBeforeLevel = 3;

    private static readonly SearchValues<char> Separators = SearchValues.Create(" \t|[](),:-");

    public static bool TryParse(ReadOnlySpan<char> line, out LogHeader header)
    {
        header = default;
        int start = line.Length > 0 && line[0] == '[' ? 1 : 0;
        if (!TimestampParser.TryParse(line[start..], out LocalStamp stamp, out int used))
            return false;
        int afterStamp = start + used;
        // A timestamp glued to a letter or digit ("2024-03-05 11:32:15.123abc") is not a log line's start.
        if (afterStamp < line.Length && char.IsAsciiLetterOrDigit(line[afterStamp]))
            return false;

        int pos = afterStamp;
        bool processColumn = false;
        for (int field = 0; field < MaxFieldsBeforeLevel; field++)
        {
            int skip = line[pos..].IndexOfAnyExcept(Separators);
            if (skip < 0)
                break;
            int tokenStart = pos + skip;
            int len = line[tokenStart..].IndexOfAny(Separators);
            int tokenEnd = len < 0 ? line.Length : tokenStart + len;
            ReadOnlySpan<char> token = line[tokenStart..tokenEnd];
            if (field == 0)
                processColumn = IsProcessColumn(token);
            LogLevel level = LogLevels.Parse(token);
            if (level != LogLevel.None)
            {
                header = new LogHeader(stamp, level, SkipAfterLevel(line, tokenEnd), processColumn,
                    IsDotNetLevel(line, tokenStart, tokenEnd) ? LogFamily.DotNet : LogFamily.None);
                return true;
            }
            // Only a thread or process field may stand before the level ("[12] ERROR", "(worker-3) WARN",
            // "4412 INFO"): in "Request failed: error ..." the word "error" is the message, not a level.
            bool bracketed = line[tokenStart - 1] is '[' or '(';
            if (!bracketed && token.ContainsAnyExceptInRange('0', '9'))
                break;
            pos = tokenEnd;
        }
        header = new LogHeader(stamp, LogLevel.None, SkipAfterLevel(line, afterStamp), processColumn);
        return true;
    }

    /// <summary>
    /// Serilog's three-letter <c>[ERR]</c> and NLog's <c>|ERROR|</c>: level shapes only the .NET
    /// loggers write, which tell detection a log is a .NET application's.
    /// </summary>
    private static bool IsDotNetLevel(ReadOnlySpan<char> line, int tokenStart, int tokenEnd)
    {
        if (tokenStart == 0 || tokenEnd >= line.Length)
            return false;
        char before = line[tokenStart - 1], after = line[tokenEnd];
        return (before == '[' && after == ']' && tokenEnd - tokenStart == 3) || (before == '|' && after == '|');
    }

    /// <summary>Past the level's closing bracket or bar and the blanks, to the message's first character.</summary>
    private static int SkipAfterLevel(ReadOnlySpan<char> line, int pos)
    {
        while (pos < line.Length && line[pos] is ' ' or '\t' or ']' or '|' or ':')
            pos++;
        return pos;
    }

    /// <summary>ERRORLOG's second column: <c>spid52</c>, <c>spid7s</c>, <c>Server</c>, <c>Logon</c>, <c>Backup</c>.</summary>
    private static bool IsProcessColumn(ReadOnlySpan<char> token)
    {
        if (token.StartsWith("spid", StringComparison.Ordinal) && token.Length > 4)
        {
            ReadOnlySpan<char> rest = token[4..];
            if (rest[^1] == 's')
                rest = rest[..^1];
            return rest.Length > 0 && !rest.ContainsAnyExceptInRange('0', '9');
        }
        return token is "Server" or "Logon" or "Backup";
    }
}
