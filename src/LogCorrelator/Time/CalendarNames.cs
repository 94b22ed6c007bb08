namespace LogCorrelator.Time;

/// <summary>English month and weekday names, as <c>date</c> and PowerShell print them in English locales.</summary>
internal static class CalendarNames
{
    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>1-12 for a full or three-letter month name, else 0.</summary>
    public static int Month(ReadOnlySpan<char> name)
    {
        for (int i = 0; i < Months.Length; i++)
        {
            if (Matches(name, Months[i]))
                return i + 1;
        }
        return 0;
    }

    public static bool IsWeekday(ReadOnlySpan<char> name)
    {
        foreach (var day in Weekdays)
        {
            if (Matches(name, day))
                return true;
        }
        return false;
    }

    /// <summary>The full name or its three-letter abbreviation ("Sept" too).</summary>
    private static bool Matches(ReadOnlySpan<char> name, string full) =>
        name.Length >= 3 && name.Length <= full.Length
        && (name.Length == 3 || name.Length == full.Length || (full == "september" && name.Length == 4))
        && full.AsSpan(0, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase);
}
