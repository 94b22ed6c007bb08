using System.Globalization;

namespace LogCorrelator.Cli.Tui;

/// <summary>Bucket arithmetic and the time texts of the TUI (all UTC).</summary>
internal static class TimeMath
{
    /// <summary>The start of the bucket holding <paramref name="t"/> (floor, also for times before 1970).</summary>
    public static long Floor(long t, long bucket)
    {
        long r = t % bucket;
        return r < 0 ? t - r - bucket : t - r;
    }

    public static DateTime Utc(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;

    /// <summary>Full time with milliseconds, as the query table prints it; "—" padded for an event without a time.</summary>
    public static string Full(long ms) => ms == Events.EventTime.None
        ? "—".PadRight(23)
        : Utc(ms).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    /// <summary>A bucket's start, as precise as the bucket size needs.</summary>
    public static string Bucket(long ms, long bucket) =>
        Utc(ms).ToString(bucket % 60_000 == 0 ? "yyyy-MM-dd HH:mm" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>An axis label: short, as precise as the bucket size needs.</summary>
    public static string Axis(long ms, long bucket) =>
        Utc(ms).ToString(bucket >= 86_400_000 ? "MM-dd" : bucket >= 3_600_000 ? "MM-dd HH:mm" : bucket >= 60_000 ? "HH:mm" : "HH:mm:ss",
            CultureInfo.InvariantCulture);
}
