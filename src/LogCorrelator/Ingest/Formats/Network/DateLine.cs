using LogCorrelator.Time;

namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>
/// Recognises a line that is only a date and time, as collection scripts print one before each
/// snapshot: <c>date</c> in the C and English locales (<c>Tue Mar  5 11:32:00 UTC 2024</c>,
/// <c>Tue 05 Mar 2024 11:32:00 AM EST</c>), <c>date -R</c>, ISO 8601 (<c>date -Iseconds</c>,
/// <c>Get-Date -Format o</c>), PowerShell's <c>Get-Date</c> (<c>Tuesday, March 5, 2024 11:32:00 AM</c>,
/// <c>05 March 2024 11:32:00</c>) and cmd's <c>%date% %time%</c> (<c>Tue 03/05/2024 11:32:00.12</c>).
/// </summary>
/// <remarks>
/// Slashed dates are read month first, as en-US prints them, unless the first number cannot be a
/// month; dotted dates (<c>05.03.2024</c>) day first, as the European locales print them.
/// </remarks>
internal static class DateLine
{
    private const long MsPerDay = 86_400_000L;

    public static bool TryParse(ReadOnlySpan<char> line, out LocalStamp stamp)
    {
        stamp = default;
        var text = line.Trim();
        if (text.Length is < 8 or > 72 || text.IndexOf(':') < 0)
            return false;
        if (TimestampParser.TryParse(text, out stamp, out int used) && used == text.Length)
            return true;
        stamp = default;

        int year = 0, month = 0, day = 0;
        long timeMs = -1;
        int hour = -1;
        char meridiem = '\0';
        int? offset = null;
        var tokens = new Tokens(text);
        while (tokens.Next(out var token))
        {
            token = token.TrimEnd(',');
            if (token.IsEmpty)
                continue;
            if (char.IsAsciiLetter(token[0]))
            {
                if (CalendarNames.Month(token) is int m and > 0 && month == 0)
                    month = m;
                else if (CalendarNames.IsWeekday(token))
                    continue;
                else if (token.Equals("AM", StringComparison.OrdinalIgnoreCase) || token.Equals("PM", StringComparison.OrdinalIgnoreCase))
                    meridiem = char.ToUpperInvariant(token[0]);
                else if (!ZoneAbbreviations.TryGet(token, out offset))
                    return false;
            }
            else if (token[0] is '+' or '-')
            {
                if (!TimestampParser.TryOffset(token, out int minutes, out int n) || n != token.Length)
                    return false;
                offset = minutes;
            }
            else if (token.IndexOf(':') >= 0)
            {
                if (timeMs >= 0 || !TryTimeOfDay(token, out hour, out timeMs))
                    return false;
            }
            else if (token.IndexOfAny('/', '.', '-') >= 0)
            {
                if (year != 0 || !TryNumericDate(token, out year, out month, out day))
                    return false;
            }
            else if (IsDigits(token) && token.Length == 4 && year == 0)
            {
                year = Number(token);
            }
            else if (IsDigits(token) && token.Length <= 2 && day == 0)
            {
                day = Number(token);
            }
            else
            {
                return false;
            }
        }

        if (timeMs < 0 || year < 1970 || year > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        if (meridiem != '\0')
        {
            if (hour is < 1 or > 12)
                return false;
            if (meridiem == 'A' && hour == 12)
                timeMs -= 12 * 3_600_000L;
            else if (meridiem == 'P' && hour != 12)
                timeMs += 12 * 3_600_000L;
        }
        stamp = new LocalStamp(TimestampParser.DaysSinceEpoch(year, month, day) * MsPerDay + timeMs, offset);
        return true;
    }

    /// <summary><c>H:MM</c>, <c>HH:MM:SS</c>, with an optional fraction after '.' or ','.</summary>
    public static bool TryTimeOfDay(ReadOnlySpan<char> token, out int hour, out long ms)
    {
        hour = -1;
        ms = 0;
        int c1 = token.IndexOf(':');
        if (c1 is < 1 or > 2 || token.Length < c1 + 3 || !IsDigits(token[..c1]) || !IsDigits(token.Slice(c1 + 1, 2)))
            return false;
        int h = Number(token[..c1]), m = Number(token.Slice(c1 + 1, 2)), s = 0;
        int i = c1 + 3;
        if (i < token.Length && token[i] == ':')
        {
            if (token.Length < i + 3 || !IsDigits(token.Slice(i + 1, 2)))
                return false;
            s = Number(token.Slice(i + 1, 2));
            i += 3;
        }
        int fractionMs = 0;
        if (i < token.Length && (token[i] == '.' || token[i] == ','))
        {
            var digits = token[(i + 1)..];
            if (digits.IsEmpty || !IsDigits(digits))
                return false;
            fractionMs = Number(digits[..Math.Min(3, digits.Length)]) * (digits.Length switch { 1 => 100, 2 => 10, _ => 1 });
            i = token.Length;
        }
        if (i != token.Length || h > 23 || m > 59 || s > 59)
            return false;
        hour = h;
        ms = ((h * 60L + m) * 60 + s) * 1000 + fractionMs;
        return true;
    }

    private static bool TryNumericDate(ReadOnlySpan<char> token, out int year, out int month, out int day)
    {
        year = month = day = 0;
        char sep = token[token.IndexOfAny('/', '.', '-')];
        int a = token.IndexOf(sep);
        int b = token[(a + 1)..].IndexOf(sep);
        if (b < 0)
            return false;
        b += a + 1;
        var p1 = token[..a];
        var p2 = token[(a + 1)..b];
        var p3 = token[(b + 1)..];
        if (!IsDigits(p1) || !IsDigits(p2) || !IsDigits(p3) || p2.Length > 2)
            return false;
        if (p1.Length == 4 && p3.Length <= 2)
        {
            (year, month, day) = (Number(p1), Number(p2), Number(p3));
            return true;
        }
        if (p3.Length != 4 || p1.Length > 2)
            return false;
        year = Number(p3);
        int first = Number(p1), second = Number(p2);
        bool dayFirst = sep == '.' || first > 12;
        (month, day) = dayFirst ? (second, first) : (first, second);
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> s) => !s.IsEmpty && !s.ContainsAnyExceptInRange('0', '9');

    private static int Number(ReadOnlySpan<char> digits)
    {
        int n = 0;
        foreach (char c in digits)
            n = n * 10 + (c - '0');
        return n;
    }
}
