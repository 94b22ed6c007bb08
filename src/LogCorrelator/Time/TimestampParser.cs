using System.Runtime.CompilerServices;

namespace LogCorrelator.Time;

/// <summary>
/// Parses the timestamp layouts logs start with, on spans, without allocating:
/// <c>2024-03-05 11:32:15.62</c> (ERRORLOG, centiseconds), <c>2024-03-05T11:32:15.123Z</c>,
/// <c>2024-03-05 11:32:15,123</c> (log4net, log4j), <c>2024-03-05 11:32:15.123 +01:00</c> (Serilog).
/// </summary>
public static class TimestampParser
{
    private const long MsPerDay = 86_400_000L;

    /// <summary>Parses a timestamp at the start of <paramref name="s"/>; <paramref name="length"/> is the characters consumed.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, out LocalStamp stamp, out int length)
    {
        stamp = default;
        length = 0;
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || (s[10] != ' ' && s[10] != 'T') || s[13] != ':' || s[16] != ':')
            return false;
        if (!Digits(s, 0, 4, out int year) || !Digits(s, 5, 2, out int month) || !Digits(s, 8, 2, out int day)
            || !Digits(s, 11, 2, out int hour) || !Digits(s, 14, 2, out int minute) || !Digits(s, 17, 2, out int second))
            return false;
        if (year < 1970 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
            return false;

        int i = 19;
        int ms = 0;
        if (i < s.Length && (s[i] == '.' || s[i] == ','))
        {
            int start = ++i;
            int fraction = 0, scale = 1000;
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
            ms = fraction * scale;
        }

        int? offset = null;
        if (i < s.Length && s[i] == 'Z')
        {
            offset = 0;
            i++;
        }
        else
        {
            int j = i < s.Length && s[i] == ' ' && s[10] == ' ' ? i + 1 : i;
            if (TryOffset(s[j..], out int minutes, out int used))
            {
                offset = minutes;
                i = j + used;
            }
        }

        long days = DaysSinceEpoch(year, month, day);
        stamp = new LocalStamp(days * MsPerDay + ((hour * 60L + minute) * 60 + second) * 1000 + ms, offset);
        length = i;
        return true;
    }

    /// <summary>Parses <c>+01:00</c>, <c>-0500</c> or <c>+01</c>.</summary>
    public static bool TryOffset(ReadOnlySpan<char> s, out int minutes, out int length)
    {
        minutes = 0;
        length = 0;
        if (s.Length < 3 || (s[0] != '+' && s[0] != '-') || !Digits(s, 1, 2, out int h) || h > 14)
            return false;
        int m = 0;
        int used = 3;
        if (s.Length >= 6 && s[3] == ':' && Digits(s, 4, 2, out m))
            used = 6;
        else if (s.Length >= 5 && Digits(s, 3, 2, out m))
            used = 5;
        if (m > 59 || (used < s.Length && IsDigit(s[used])))
            return false;
        minutes = (s[0] == '-' ? -1 : 1) * (h * 60 + m);
        length = used;
        return true;
    }

    /// <summary>The calendar day of a local wall-clock time in Unix milliseconds (also before 1970).</summary>
    public static DateOnly DateOf(long localMs) => DateOnly.FromDayNumber(UnixEpochDayNumber + (int)Math.Floor(localMs / (double)MsPerDay));

    public static long DaysSinceEpoch(int year, int month, int day) =>
        new DateOnly(year, month, day).DayNumber - UnixEpochDayNumber;

    private static readonly int UnixEpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (int k = start; k < start + count; k++)
        {
            char c = s[k];
            if (!IsDigit(c))
                return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
