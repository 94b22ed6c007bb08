namespace LogCorrelator.Time;

/// <summary>
/// A timestamp as read, before the date is complete: syslog gives no year (<see cref="Year"/> 0),
/// a time of day no date at all (<see cref="Month"/> 0).
/// </summary>
public readonly record struct StampParts(int Year, int Month, int Day, long TimeMs, int? OffsetMinutes)
{
    private const long MsPerDay = 86_400_000L;

    public bool HasDate => Month != 0;
    public bool HasYear => Year != 0;

    /// <summary>The stamp on its own date, or on <paramref name="date"/>'s (a date line, <c>--at</c>, the file time) where it has none.</summary>
    public LocalStamp Complete(DateOnly date)
    {
        if (!HasDate)
            return new LocalStamp(TimestampParser.DaysSinceEpoch(date.Year, date.Month, date.Day) * MsPerDay + TimeMs, OffsetMinutes);
        int year = HasYear ? Year : YearBefore(date, Month, Day);
        return new LocalStamp(TimestampParser.DaysSinceEpoch(year, Month, Day) * MsPerDay + TimeMs, OffsetMinutes);
    }

    /// <summary>syslog's year: the file time's, unless that puts the line after the file was written (a log that crossed New Year).</summary>
    private static int YearBefore(DateOnly fileDate, int month, int day)
    {
        int year = fileDate.Year;
        if (month == 2 && day == 29 && !DateTime.IsLeapYear(year))
            year--;
        return new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month))) > fileDate.AddDays(1) ? year - 1 : year;
    }

}
