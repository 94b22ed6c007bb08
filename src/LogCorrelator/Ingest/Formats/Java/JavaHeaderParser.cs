using LogCorrelator.Ingest.Formats.Common;
using LogCorrelator.Time;

namespace LogCorrelator.Ingest.Formats.Java;

/// <summary>
/// The first line of a log record in the layouts Java services use:
/// logback and log4j <c>%d %-5level [%thread] %logger - %msg</c> (level before or after the thread),
/// log4j's level-first <c>%-5p %d [%t] %c - %m</c>, and Spring Boot's default
/// <c>2024-03-05T11:32:15.123+01:00 ERROR 4242 --- [orders] [nio-8080-exec-3] c.e.orders.OrderDao : ...</c>
/// (Boot 2 has no application field and no offset). Any other timestamped line still starts an entry.
/// </summary>
internal static class JavaHeaderParser
{
    public static bool TryParse(ReadOnlySpan<char> line, out LogHeader header)
    {
        if (TryLevelFirst(line, out header))
            return true;
        if (!LogHeaderParser.TryParse(line, out header))
            return false;
        if (TryJavaFields(line, header.Stamp, out LogHeader java))
            header = java;
        return true;
    }

    /// <summary><c>ERROR 2024-03-05 11:32:15,123 [main] com.example.OrderDao - message</c>.</summary>
    private static bool TryLevelFirst(ReadOnlySpan<char> line, out LogHeader header)
    {
        header = default;
        var cursor = new LineCursor(line, 0);
        LogLevel level = LogLevels.Parse(cursor.Word());
        if (level == LogLevel.None || cursor.SkipBlanks() == 0)
            return false;
        int at = cursor.Position;
        if (!TimestampParser.TryParse(line[at..], out LocalStamp stamp, out int used))
            return false;
        cursor = new LineCursor(line, at + used);
        int afterStamp = cursor.Position;
        LogFamily family = LogFamily.None;
        if (cursor.SkipBlanks() > 0 && cursor.Bracketed(out _) && cursor.SkipBlanks() > 0
            && LoggerName.IsName(cursor.Word()) && SkipToSeparator(ref cursor, '-'))
            family = LogFamily.Java;
        else
            cursor = new LineCursor(line, afterStamp);
        cursor.SkipBlanks();
        header = new LogHeader(stamp, level, cursor.Position, false, family);
        return true;
    }

    /// <summary>The fields after the timestamp: Spring Boot's, or logback's and log4j's thread and logger.</summary>
    private static bool TryJavaFields(ReadOnlySpan<char> line, LocalStamp stamp, out LogHeader header)
    {
        header = default;
        if (line.Length > 0 && line[0] == '[')
            return false;
        TimestampParser.TryParse(line, out _, out int used);
        var cursor = new LineCursor(line, used);
        cursor.SkipBlanks();
        int fieldsStart = cursor.Position;

        // Level first: "ERROR [main] logger - msg", or Spring Boot's "ERROR 4242 --- [app] [thread] logger : msg".
        LogLevel level = LogLevels.Parse(cursor.Word());
        if (level != LogLevel.None && cursor.SkipBlanks() > 0)
        {
            // Each attempt reads from its own copy of the cursor: a failed one leaves no trace.
            LineCursor attempt = cursor;
            if (!SpringBootFields(ref attempt))
            {
                attempt = cursor;
                if (!ThreadLoggerDash(ref attempt))
                    attempt = default;
            }
            if (attempt.Position > 0)
            {
                header = new LogHeader(stamp, level, attempt.Position, false, LogFamily.Java);
                return true;
            }
        }

        // Thread first: "[main] ERROR logger - msg".
        cursor = new LineCursor(line, fieldsStart);
        if (!cursor.Bracketed(out _) || cursor.SkipBlanks() == 0)
            return false;
        level = LogLevels.Parse(cursor.Word());
        if (level == LogLevel.None || cursor.SkipBlanks() == 0 || !LowerCaseLogger(ref cursor))
            return false;
        header = new LogHeader(stamp, level, cursor.Position, false, LogFamily.Java);
        return true;
    }

    /// <summary><c>4242 --- [app] [thread] logger : </c>, the logger padded with blanks to a column.</summary>
    private static bool SpringBootFields(ref LineCursor cursor)
    {
        ReadOnlySpan<char> pid = cursor.Word();
        if (pid.IsEmpty || pid.ContainsAnyExceptInRange('0', '9') || cursor.SkipBlanks() == 0 || !cursor.Take("---"))
            return false;
        cursor.SkipBlanks();
        if (!cursor.Bracketed(out _))
            return false;
        cursor.SkipBlanks();
        cursor.Bracketed(out _);
        cursor.SkipBlanks();
        return LoggerName.IsName(cursor.Word()) && SkipToSeparator(ref cursor, ':');
    }

    /// <summary><c>[thread] logger - </c> with a Java logger name.</summary>
    private static bool ThreadLoggerDash(ref LineCursor cursor) =>
        cursor.Bracketed(out _) && cursor.SkipBlanks() > 0 && LowerCaseLogger(ref cursor);

    private static bool LowerCaseLogger(ref LineCursor cursor) =>
        LoggerName.IsLowerCaseName(cursor.Word()) && SkipToSeparator(ref cursor, '-');

    private static bool SkipToSeparator(ref LineCursor cursor, char separator)
    {
        cursor.SkipBlanks();
        if (!cursor.Separator(separator))
            return false;
        cursor.SkipBlanks();
        return true;
    }
}
