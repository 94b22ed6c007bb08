using System.Runtime.CompilerServices;

namespace LogCorrelator.Time;

/// <summary>
/// Reads one <see cref="StampForm"/> at the start of a span, without allocating. Each form checks
/// its first characters before anything else, so trying a form where it is not costs a compare or two.
/// </summary>
public static class StampReader
{
    /// <summary>Every form, in the order they are tried at one position.</summary>
    public static readonly StampForm[] Catalog =
    [
        StampForm.Iso, StampForm.SlashYmd, StampForm.Glog, StampForm.Clf, StampForm.SlashDate, StampForm.DotDmy, StampForm.DashMonth,
        StampForm.MonthDayYear, StampForm.DayMonthYear, StampForm.Syslog, StampForm.EpochMillis, StampForm.EpochSeconds,
        StampForm.TimeOfDay,
    ];

    /// <summary>How <c>logcorr sources</c> names a form.</summary>
    public static string Describe(StampForm form, bool dayFirst) => form switch
    {
        StampForm.Iso => "ISO 8601",
        StampForm.SlashYmd => "yyyy/MM/dd HH:mm:ss",
        StampForm.SlashDate => dayFirst ? "dd/MM/yyyy HH:mm:ss" : "M/d/yyyy h:mm:ss [AM|PM]",
        StampForm.DotDmy => "dd.MM.yyyy HH:mm:ss",
        StampForm.Clf => "Apache dd/MMM/yyyy:HH:mm:ss zzz",
        StampForm.DashMonth => "dd-MMM-yyyy HH:mm:ss",
        StampForm.MonthDayYear => "MMM d, yyyy h:mm:ss AM",
        StampForm.DayMonthYear => "[ddd, ]dd MMM yyyy HH:mm:ss",
        StampForm.Syslog => "syslog MMM d HH:mm:ss",
        StampForm.EpochSeconds => "Unix epoch seconds",
        StampForm.EpochMillis => "Unix epoch milliseconds",
        StampForm.TimeOfDay => "time of day HH:mm:ss",
        StampForm.Glog => "glog Lmmdd HH:mm:ss.uuuuuu",
        _ => "none",
    };

    /// <summary>
    /// Reads <paramref name="form"/> at the start of <paramref name="s"/>. <paramref name="dayFirst"/> orders
    /// a slashed date; <paramref name="first"/> and <paramref name="second"/> return its two leading numbers
    /// so a file's values can settle that order.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<char> s, StampForm form, bool dayFirst, out StampParts parts, out int length,
        out int first, out int second)
    {
        parts = default;
        length = 0;
        first = second = 0;
        if (s.IsEmpty)
            return false;
        switch (form)
        {
            case StampForm.Iso:
                if (s.Length < 19 || !IsDigit(s[0]) || s[4] != '-')
                    return false;
                if (s.Length >= 20 && s[10] == ',' && s[11] == ' ')
                    return TryIsoComma(s, out parts, out length);
                if (!TimestampParser.TryParse(s, out var iso, out length))
                    return false;
                parts = FromLocal(iso);
                return true;
            case StampForm.Glog:
                return s.Length >= 13 && s[0] is 'I' or 'W' or 'E' or 'F' && TryGlog(s, out parts, out length);
            case StampForm.SlashYmd:
                return s.Length >= 19 && IsDigit(s[0]) && s[4] == '/' && s[7] == '/'
                    && TryYmd(s, out parts, out length);
            case StampForm.SlashDate:
                return IsDigit(s[0]) && TryNumericDate(s, '/', dayFirst, out parts, out length, out first, out second);
            case StampForm.DotDmy:
                return IsDigit(s[0]) && TryNumericDate(s, '.', true, out parts, out length, out first, out second);
            case StampForm.Clf:
                return IsDigit(s[0]) && TryClf(s, out parts, out length);
            case StampForm.DashMonth:
                return IsDigit(s[0]) && TryDashMonth(s, out parts, out length);
            case StampForm.MonthDayYear:
                return IsLetter(s[0]) && TryMonthDayYear(s, out parts, out length);
            case StampForm.DayMonthYear:
                return TryDayMonthYear(s, out parts, out length);
            case StampForm.Syslog:
                return IsLetter(s[0]) && TrySyslog(s, out parts, out length);
            case StampForm.EpochSeconds:
                return IsDigit(s[0]) && TryEpoch(s, 10, out parts, out length);
            case StampForm.EpochMillis:
                return IsDigit(s[0]) && TryEpoch(s, 13, out parts, out length);
            case StampForm.TimeOfDay:
                if (!IsDigit(s[0]))
                    return false;
                int i = 0;
                // A time of day alone must have its seconds: "12:10" in text is too often something else.
                if (!TryTime(s, ref i, out long ms, twelveHour: false) || i < 8 || (i < s.Length && (IsDigit(s[i]) || s[i] == ':')))
                    return false;
                parts = new StampParts(0, 0, 0, ms, null);
                length = i;
                return true;
            default:
                return false;
        }
    }

    private static StampParts FromLocal(LocalStamp stamp)
    {
        var date = TimestampParser.DateOf(stamp.LocalMs);
        long time = stamp.LocalMs - TimestampParser.DaysSinceEpoch(date.Year, date.Month, date.Day) * MsPerDay;
        return new StampParts(date.Year, date.Month, date.Day, time, stamp.OffsetMinutes);
    }

    /// <summary>Airflow's <c>2024-10-02, 02:05:48 UTC</c>.</summary>
    private static bool TryIsoComma(ReadOnlySpan<char> s, out StampParts parts, out int length)
    {
        parts = default;
        length = 0;
        if (!Number(s, 0, 4, out int y) || !Number(s, 5, 2, out int mo) || !Number(s, 8, 2, out int d))
            return false;
        int i = 12;
        return TryDateTime(s, ref i, y, mo, d, twelveHour: false, out parts, out length);
    }

    /// <summary>glog's <c>I1222 16:36:07.789991</c>: level letter, month and day, time; no year.</summary>
    private static bool TryGlog(ReadOnlySpan<char> s, out StampParts parts, out int length)
    {
        parts = default;
        length = 0;
        if (!Number(s, 1, 2, out int month) || !Number(s, 3, 2, out int day) || s[5] != ' ' || month is < 1 or > 12 || day is < 1 or > 31)
            return false;
        int i = 6;
        if (!TryTime(s, ref i, out long ms, twelveHour: false))
            return false;
        parts = new StampParts(0, month, day, ms, null);
        length = i;
        return true;
    }

    private static bool TryYmd(ReadOnlySpan<char> s, out StampParts parts, out int length)
    {
        parts = default;
        length = 0;
        if (!Number(s, 0, 4, out int y) || !Number(s, 5, 2, out int mo) || !Number(s, 8, 2, out int d) || s[10] is not (' ' or 'T'))
            return false;
        int i = 11;
        return TryDateTime(s, ref i, y, mo, d, twelveHour: false, out parts, out length);
    }

    /// <summary><c>M/d/yyyy</c>, <c>d/M/yyyy</c>, <c>d.M.yyyy</c>, then a time after a space (or <c>, </c>).</summary>
    private static bool TryNumericDate(ReadOnlySpan<char> s, char sep, bool dayFirst, out StampParts parts, out int length,
        out int first, out int second)
    {
        parts = default;
        length = 0;
        first = second = 0;
        int i = 0;
        if (!Run(s, ref i, 1, 2, out first) || !Skip(s, ref i, sep) || !Run(s, ref i, 1, 2, out second) || !Skip(s, ref i, sep))
            return false;
        int yearStart = i;
        if (!Run(s, ref i, 2, 4, out int year) || i - yearStart == 3)
            return false;
        if (i - yearStart == 2)
            year += 2000;
        // Between date and time: a blank, 'T' (tiny_tds writes 't'), or a CSV's "," between two quoted fields.
        if (i + 2 < s.Length && s[i] == '"' && s[i + 1] == ',' && s[i + 2] == '"')
            i += 3;
        else if (i < s.Length && s[i] == ',')
            i++;
        if (!Skip(s, ref i, ' ') && !Skip(s, ref i, 'T') && !Skip(s, ref i, 't') && !(i > 0 && s[i - 1] == '"'))
            return false;
        while (i < s.Length && s[i] == ' ')
            i++;
        bool dayFirstHere = dayFirst || first > 12;
        int month = dayFirstHere && second <= 12 ? second : first;
        int day = dayFirstHere && second <= 12 ? first : second;
        return TryDateTime(s, ref i, year, month, day, twelveHour: true, out parts, out length);
    }

    private static bool TryClf(ReadOnlySpan<char> s, out StampParts parts, out int length)
    {
        parts = default;
        length = 0;
        int i = 0;
        if (!Run(s, ref i, 1, 2, out int day) || !Skip(s, ref i, '/') || !MonthName(s, ref i, out int month)
            || !Skip(s, ref i, '/') || !Run(s, ref i, 4, 4, out int year) || !Skip(s, ref i, ':'))
            return false;
        return TryDateTime(s, ref i, year, month, day, twelveHour: false, out parts, out length);
    }

    private static bool TryDashMonth(ReadOnlySpan<char> s, out StampParts parts, out int length)
    {
        parts = default;
        length = 0;
        int i = 0;
        if (!Run(s, ref i, 1, 2, out int day) || !Skip(s, ref i, '-') || !MonthName(s, ref i, out int month)
            || !Skip(s, ref i, '-') || !Run(s, ref i, 4, 4, out int year) || !Skip(s, ref i, ' '))
            return false;
        return TryDateTime(s, ref i, year, month, day, twelveHour: true, out parts, out length);
    }

    private static bool TryMonthDayYear(ReadOnlySpan<char> s, out StampParts parts, out int length)
    {
        parts = default;
        length = 0;
        int i = 0;
        if (!MonthName(s, ref i, out int month) || !Skip(s, ref i, ' ') || !Run(s, ref i, 1, 2, out int day)
            || !Skip(s, ref i, ',') || !Skip(s, ref i, ' ') || !Run(s, ref i, 4, 4, out int year) || !Skip(s, ref i, ' '))
            return false;
        return TryDateTime(s, ref i, year, month, day, twelveHour: true, out parts, out length);
    }

    /// <summary><c>Tue, 05 Mar 2024 11:32:04 GMT</c>, <c>05 Mar 2024 11:32:04</c>.</summary>
    private static bool TryDayMonthYear(ReadOnlySpan<char> s, out StampParts parts, out int length)
    {
        parts = default;
        length = 0;
        int i = 0;
        if (IsLetter(s[0]))
        {
            while (i < s.Length && IsLetter(s[i]))
                i++;
            if (i != 3 || !CalendarNames.IsWeekday(s[..3]) || !Skip(s, ref i, ',') || !Skip(s, ref i, ' '))
                return false;
        }
        if (!Run(s, ref i, 1, 2, out int day) || !Skip(s, ref i, ' ') || !MonthName(s, ref i, out int month)
            || !Skip(s, ref i, ' ') || !Run(s, ref i, 4, 4, out int year) || !Skip(s, ref i, ' '))
            return false;
        return TryDateTime(s, ref i, year, month, day, twelveHour: true, out parts, out length);
    }

    private static bool TrySyslog(ReadOnlySpan<char> s, out StampParts parts, out int length)
    {
        parts = default;
        length = 0;
        int i = 0;
        if (!MonthName(s, ref i, out int month) || !Skip(s, ref i, ' '))
            return false;
        if (i < s.Length && s[i] == ' ')
            i++;
        if (!Run(s, ref i, 1, 2, out int day) || !Skip(s, ref i, ' ') || day is < 1 or > 31)
            return false;
        if (!TryTime(s, ref i, out long ms, twelveHour: false))
            return false;
        parts = new StampParts(0, month, day, ms, null);
        length = i;
        return true;
    }

    /// <summary>10 digits of seconds (with an optional fraction) or 13 of milliseconds, between 2001 and 2100.</summary>
    private static bool TryEpoch(ReadOnlySpan<char> s, int digits, out StampParts parts, out int length)
    {
        parts = default;
        length = 0;
        int i = 0;
        long value = 0;
        while (i < s.Length && IsDigit(s[i]) && i <= digits)
            value = value * 10 + (s[i++] - '0');
        if (i != digits)
            return false;
        long ms = digits == 13 ? value : value * 1000;
        if (digits == 10 && i < s.Length && s[i] == '.')
        {
            int start = ++i, fraction = 0, scale = 1000;
            while (i < s.Length && IsDigit(s[i]))
            {
                if (i - start < 3)
                {
                    fraction = fraction * 10 + (s[i] - '0');
                    scale /= 10;
                }
                i++;
            }
            if (i == start)
                return false;
            ms += fraction * scale;
        }
        // smoltcp and similar debug output write seconds with a unit: "[1587938687.534s]" (wild corpus world/028).
        if (digits == 10 && i < s.Length && s[i] == 's' && (i + 1 == s.Length || !IsLetterOrDigit(s[i + 1])))
            i++;
        if ((i < s.Length && (IsLetterOrDigit(s[i]) || s[i] is '.' or ':' or '-')) || ms < 1_000_000_000_000L || ms > 4_102_444_800_000L)
            return false;
        var stamp = new LocalStamp(ms, 0);
        parts = FromLocal(stamp);
        length = i;
        return true;
    }

    private static bool TryDateTime(ReadOnlySpan<char> s, ref int i, int year, int month, int day, bool twelveHour,
        out StampParts parts, out int length)
    {
        parts = default;
        length = 0;
        if (year < 1970 || year > 2200 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        if (!TryTime(s, ref i, out long ms, twelveHour))
            return false;
        int? offset = TryZone(s, ref i);
        parts = new StampParts(year, month, day, ms, offset);
        length = i;
        return true;
    }

    /// <summary><c>H:mm[:ss][.fffffff]</c> and, when allowed, a following <c>AM</c>/<c>PM</c>.</summary>
    private static bool TryTime(ReadOnlySpan<char> s, ref int i, out long ms, bool twelveHour)
    {
        ms = 0;
        if (!Run(s, ref i, 1, 2, out int hour) || !Skip(s, ref i, ':') || !Run(s, ref i, 2, 2, out int minute))
            return false;
        int second = 0, fraction = 0;
        if (i < s.Length && s[i] == ':')
        {
            i++;
            if (!Run(s, ref i, 2, 2, out second))
                return false;
            if (i + 1 < s.Length && (s[i] == '.' || s[i] == ',') && IsDigit(s[i + 1]))
            {
                int start = ++i, scale = 1000;
                while (i < s.Length && IsDigit(s[i]))
                {
                    if (i - start < 3)
                    {
                        fraction = fraction * 10 + (s[i] - '0');
                        scale /= 10;
                    }
                    i++;
                }
                fraction *= scale;
            }
        }
        if (hour > 23 || minute > 59 || second > 60)
            return false;
        if (twelveHour && i + 3 <= s.Length && s[i] == ' ' && IsMeridiem(s.Slice(i + 1, 2))
            && (i + 3 == s.Length || !IsLetter(s[i + 3])))
        {
            if (hour is < 1 or > 12)
                return false;
            bool pm = s[i + 1] is 'P' or 'p';
            hour = hour == 12 ? (pm ? 12 : 0) : (pm ? hour + 12 : hour);
            i += 3;
        }
        ms = ((hour * 60L + minute) * 60 + Math.Min(second, 59)) * 1000 + fraction;
        return true;
    }

    /// <summary>An offset or zone after the time: <c>Z</c>, <c>+01:00</c>, <c> +0100</c>, <c> UTC</c>, <c> GMT</c>.</summary>
    private static int? TryZone(ReadOnlySpan<char> s, ref int i)
    {
        if (i >= s.Length)
            return null;
        if (s[i] == 'Z' && (i + 1 == s.Length || !IsLetterOrDigit(s[i + 1])))
        {
            i++;
            return 0;
        }
        int j = s[i] == ' ' ? i + 1 : i;
        if (j < s.Length && s[j] is '+' or '-' && TimestampParser.TryOffset(s[j..], out int minutes, out int used))
        {
            i = j + used;
            return minutes;
        }
        if (j + 3 <= s.Length && (s.Slice(j, 3).SequenceEqual("UTC") || s.Slice(j, 3).SequenceEqual("GMT"))
            && (j + 3 == s.Length || !IsLetter(s[j + 3])))
        {
            i = j + 3;
            return 0;
        }
        return null;
    }

    private static bool IsMeridiem(ReadOnlySpan<char> s) =>
        s[0] is 'A' or 'a' or 'P' or 'p' && s[1] is 'M' or 'm';

    private static bool MonthName(ReadOnlySpan<char> s, ref int i, out int month)
    {
        month = 0;
        int start = i;
        while (i < s.Length && IsLetter(s[i]) && i - start < 10)
            i++;
        month = i - start >= 3 ? CalendarNames.Month(s[start..i]) : 0;
        return month > 0;
    }

    private static bool Run(ReadOnlySpan<char> s, ref int i, int min, int max, out int value)
    {
        value = 0;
        int start = i;
        while (i < s.Length && i - start < max && IsDigit(s[i]))
            value = value * 10 + (s[i++] - '0');
        return i - start >= min && (i >= s.Length || !IsDigit(s[i]));
    }

    private static bool Number(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (int k = start; k < start + count; k++)
        {
            if (!IsDigit(s[k]))
                return false;
            value = value * 10 + (s[k] - '0');
        }
        return true;
    }

    private static bool Skip(ReadOnlySpan<char> s, ref int i, char c)
    {
        if (i >= s.Length || s[i] != c)
            return false;
        i++;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    private static bool IsLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    private static bool IsLetterOrDigit(char c) => IsDigit(c) || IsLetter(c);

    private const long MsPerDay = 86_400_000L;
}
