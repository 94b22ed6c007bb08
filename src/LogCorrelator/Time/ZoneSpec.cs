using System.Globalization;
using NodaTime;
using NodaTime.TimeZones;

namespace LogCorrelator.Time;

/// <summary>
/// A time zone as a user names it: a fixed offset (<c>-08:00</c>, <c>UTC</c>), an IANA name
/// (<c>America/New_York</c>) or a Windows name (<c>Pacific Standard Time</c>), whose DST rules then apply.
/// </summary>
public sealed class ZoneSpec
{
    private readonly DateTimeZone _zone;
    private long _cachedHour = long.MinValue;
    private long _cachedOffsetMs;

    private ZoneSpec(string text, DateTimeZone zone)
    {
        Text = text;
        _zone = zone;
    }

    public string Text { get; }

    /// <summary>The fixed offset, when the zone has no daylight-saving rules.</summary>
    public TimeSpan? FixedOffset => _zone is { } z && z.MinOffset == z.MaxOffset ? z.MinOffset.ToTimeSpan() : null;

    public static ZoneSpec FromOffset(TimeSpan offset) =>
        new(FormatOffset(offset), DateTimeZone.ForOffset(Offset.FromTimeSpan(offset)));

    public static bool TryParse(string text, out ZoneSpec? zone)
    {
        zone = null;
        string t = text.Trim();
        if (t.Length == 0)
            return false;
        if (t.Equals("UTC", StringComparison.OrdinalIgnoreCase) || t.Equals("Z", StringComparison.OrdinalIgnoreCase))
        {
            zone = FromOffset(TimeSpan.Zero);
            return true;
        }
        if (TimestampParser.TryOffset(t, out int minutes, out int used) && used == t.Length)
        {
            zone = FromOffset(TimeSpan.FromMinutes(minutes));
            return true;
        }
        // ERRORLOG writes "UTC adjustment: -5:00", "1:00", "5:30": a one-digit hour, no sign when east of UTC.
        if (TryLooseOffset(t, out minutes))
        {
            zone = FromOffset(TimeSpan.FromMinutes(minutes));
            return true;
        }
        DateTimeZone? tz = DateTimeZoneProviders.Tzdb.GetZoneOrNull(t);
        if (tz is null && TzdbDateTimeZoneSource.Default.WindowsMapping.PrimaryMapping.TryGetValue(t, out string? iana))
            tz = DateTimeZoneProviders.Tzdb.GetZoneOrNull(iana);
        if (tz is null)
            return false;
        zone = new ZoneSpec(t, tz);
        return true;
    }

    private static bool TryLooseOffset(string t, out int minutes)
    {
        minutes = 0;
        int sign = 1, i = 0;
        if (t.Length > 0 && (t[0] == '+' || t[0] == '-'))
        {
            sign = t[0] == '-' ? -1 : 1;
            i = 1;
        }
        int colon = t.IndexOf(':', i);
        if (colon - i is < 1 or > 2 || t.Length - colon != 3
            || !int.TryParse(t.AsSpan(i, colon - i), System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out int h)
            || !int.TryParse(t.AsSpan(colon + 1), System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out int m)
            || h > 14 || m > 59)
            return false;
        minutes = sign * (h * 60 + m);
        return true;
    }

    /// <summary>Converts local wall-clock milliseconds to UTC; ambiguous or skipped local times resolve leniently.</summary>
    public long ToUtc(long localMs)
    {
        // Offsets change at most on hour boundaries in practice: cache the last hour's offset.
        long hour = Math.DivRem(localMs, 3_600_000L, out long rem);
        if (rem < 0)
            hour--;
        if (hour != _cachedHour)
        {
            var local = LocalDateTime.FromDateTime(DateTime.UnixEpoch.AddMilliseconds(hour * 3_600_000L));
            var utc = _zone.AtLeniently(local).ToInstant().ToUnixTimeMilliseconds();
            _cachedOffsetMs = hour * 3_600_000L - utc;
            _cachedHour = hour;
        }
        return localMs - _cachedOffsetMs;
    }

    public static string FormatOffset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    public override string ToString() => Text;
}
