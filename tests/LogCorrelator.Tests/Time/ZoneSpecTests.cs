using LogCorrelator.Time;

namespace LogCorrelator.Tests.Time;

public sealed class ZoneSpecTests
{
    private static long Ms(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    [Theory]
    [InlineData("-08:00", "2024-07-01T12:00:00Z", "2024-07-01T20:00:00Z")]
    [InlineData("-5:00", "2024-03-05T06:32:04Z", "2024-03-05T11:32:04Z")]
    [InlineData("UTC", "2024-03-05T06:32:04Z", "2024-03-05T06:32:04Z")]
    [InlineData("1:00", "2024-03-05T06:32:04Z", "2024-03-05T05:32:04Z")]
    [InlineData("5:30", "2024-03-05T06:32:04Z", "2024-03-05T01:02:04Z")]
    [InlineData("0:00", "2024-03-05T06:32:04Z", "2024-03-05T06:32:04Z")]
    [InlineData("-10:00", "2024-03-05T06:32:04Z", "2024-03-05T16:32:04Z")]
    [InlineData("America/New_York", "2024-03-05T06:32:04Z", "2024-03-05T11:32:04Z")]
    [InlineData("America/New_York", "2024-07-01T06:32:04Z", "2024-07-01T10:32:04Z")]
    [InlineData("Pacific Standard Time", "2024-07-01T12:00:00Z", "2024-07-01T19:00:00Z")]
    [InlineData("Pacific Standard Time", "2024-01-15T12:00:00Z", "2024-01-15T20:00:00Z")]
    public void Local_wall_clock_time_becomes_utc(string zone, string localAsIso, string utc)
    {
        Assert.True(ZoneSpec.TryParse(zone, out var z));
        Assert.Equal(Ms(utc), z!.ToUtc(Ms(localAsIso)));
    }

    [Fact]
    public void An_unknown_zone_is_refused()
    {
        Assert.False(ZoneSpec.TryParse("Mars/Olympus", out _));
    }

    [Fact]
    public void The_users_zone_wins_over_the_files()
    {
        ZoneSpec.TryParse("+02:00", out var user);
        ZoneSpec.TryParse("-5:00", out var file);
        var clock = new SourceClock(user);

        clock.SetFromFile(file!);

        Assert.Equal(OffsetOrigin.User, clock.Origin);
        Assert.Equal(Ms("2024-03-05T09:00:00Z"), clock.ToUtc(new LocalStamp(Ms("2024-03-05T11:00:00Z"), null)));
    }

    [Fact]
    public void Without_any_zone_local_time_is_taken_as_utc_and_marked_assumed()
    {
        var clock = new SourceClock(null);

        long t = clock.ToUtc(new LocalStamp(Ms("2024-03-05T11:00:00Z"), null));

        Assert.Equal(Ms("2024-03-05T11:00:00Z"), t);
        Assert.Equal("UTC (assumed)", clock.Describe());
    }

    [Fact]
    public void An_offset_in_the_timestamp_is_used_when_no_zone_was_given()
    {
        var clock = new SourceClock(null);

        long t = clock.ToUtc(new LocalStamp(Ms("2024-03-05T12:32:10Z"), 60));

        Assert.Equal(Ms("2024-03-05T11:32:10Z"), t);
        Assert.Equal(OffsetOrigin.InText, clock.Origin);
    }
}
