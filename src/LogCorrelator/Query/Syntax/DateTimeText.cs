using LogCorrelator.Query.Ast;

namespace LogCorrelator.Query.Syntax;

/// <summary>
/// Reads <c>yyyy-MM-dd[( |T)HH:mm[:ss[.f{1,3}]]]</c> at a position of the query. The time part is
/// taken only when a whole <c>HH:mm</c> follows the blank, so <c>since 2024-03-05 near ...</c> reads the date alone.
/// </summary>
internal static class DateTimeText
{
    public static bool TryRead(string text, int at, out DateTimeNode? node, out int length)
    {
        node = null;
        length = 0;
        if (!Digits(text, at, 4, out int year) || !Char(text, at + 4, '-') || !Digits(text, at + 5, 2, out int month)
            || !Char(text, at + 7, '-') || !Digits(text, at + 8, 2, out int day))
            return false;
        int end = at + 10;
        if (month is < 1 or > 12 || day < 1 || day > System.DateTime.DaysInMonth(year, month))
            return false;
        long ms = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var precision = DateTimePrecision.Day;
        int t = end + 1;
        if ((Char(text, end, ' ') || Char(text, end, 'T') || Char(text, end, 't'))
            && Digits(text, t, 2, out int hour) && Char(text, t + 2, ':') && Digits(text, t + 3, 2, out int minute))
        {
            if (hour > 23 || minute > 59)
                return false;
            ms += hour * 3_600_000L + minute * 60_000L;
            precision = DateTimePrecision.Minute;
            end = t + 5;
            if (Char(text, end, ':') && Digits(text, end + 1, 2, out int second))
            {
                if (second > 59)
                    return false;
                ms += second * 1_000L;
                precision = DateTimePrecision.Second;
                end += 3;
                if (Char(text, end, '.') && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))
                {
                    int n = 0, fraction = 0;
                    while (n < 3 && end + 1 + n < text.Length && char.IsAsciiDigit(text[end + 1 + n]))
                        fraction = fraction * 10 + (text[end + 1 + n++] - '0');
                    for (int pad = n; pad < 3; pad++)
                        fraction *= 10;
                    ms += fraction;
                    precision = DateTimePrecision.Millisecond;
                    end += 1 + n;
                }
            }
        }
        // A time glued to more word characters (2024-03-05x, 11:00:00.1234) is not a time.
        if (end < text.Length && Lexeme.IsWordChar(text[end]))
            return false;
        node = new DateTimeNode(ms, precision);
        length = end - at;
        return true;
    }

    private static bool Char(string text, int at, char c) => at < text.Length && text[at] == c;

    private static bool Digits(string text, int at, int count, out int value)
    {
        value = 0;
        if (at + count > text.Length)
            return false;
        for (int i = at; i < at + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
                return false;
            value = value * 10 + (text[i] - '0');
        }
        return true;
    }
}
