using System.Globalization;

namespace LogCorrelator.Tests.Support;

/// <summary>Times of the test incident day, 2024-03-05, written the way a reader checks them: <c>11:32:04.310</c>.</summary>
internal static class Utc
{
    public static readonly DateTimeOffset Day = new(2024, 3, 5, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(string time) =>
        Day + TimeSpan.ParseExact(time, [@"hh\:mm\:ss\.fff", @"hh\:mm\:ss"], CultureInfo.InvariantCulture);

    public static long Ms(string time) => At(time).ToUnixTimeMilliseconds();

    public static string Text(DateTimeOffset time) => time.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    /// <summary>An event's time, or "—" for one without.</summary>
    public static string Text(DateTimeOffset? time) => time is { } t ? Text(t) : "—";
}
