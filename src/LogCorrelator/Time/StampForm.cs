namespace LogCorrelator.Time;

/// <summary>
/// The timestamp layouts the general text reader recognises, in the order they are tried at a
/// position (the longer, more specific layouts first). Names are what <c>logcorr sources</c> shows.
/// </summary>
public enum StampForm : byte
{
    None = 0,
    /// <summary><c>2024-03-05T11:32:04.1234567+01:00</c>, <c>2024-03-05 11:32:04,123</c>, ERRORLOG's <c>.31</c>.</summary>
    Iso,
    /// <summary>Go's <c>2024/03/05 11:32:04</c>.</summary>
    SlashYmd,
    /// <summary><c>3/5/2024 11:32:04 AM</c>, <c>03/05/2024 11:32:04</c>, or day first (<c>05/03/2024</c>) as the file's values decide.</summary>
    SlashDate,
    /// <summary><c>05.03.2024 11:32:04</c>, day first as the European locales print it.</summary>
    DotDmy,
    /// <summary>Apache/CLF <c>05/Mar/2024:11:32:04 +0100</c>.</summary>
    Clf,
    /// <summary>Tomcat's <c>05-Mar-2024 11:32:04.123</c>.</summary>
    DashMonth,
    /// <summary>Java's <c>Mar 5, 2024 11:32:04 AM</c>.</summary>
    MonthDayYear,
    /// <summary><c>Tue, 05 Mar 2024 11:32:04 GMT</c> and <c>05 Mar 2024 11:32:04</c>.</summary>
    DayMonthYear,
    /// <summary>syslog's <c>Mar  5 11:32:04</c>: no year, taken from the file time.</summary>
    Syslog,
    /// <summary>Unix epoch seconds (10 digits, optional fraction).</summary>
    EpochSeconds,
    /// <summary>Unix epoch milliseconds (13 digits).</summary>
    EpochMillis,
    /// <summary><c>11:32:04.123456</c>: the date comes from a date line, <c>--at</c> or the file time.</summary>
    TimeOfDay,
    /// <summary>Go's glog <c>I1222 16:36:07.789991</c>: no year, taken from the file time.</summary>
    Glog,
}
