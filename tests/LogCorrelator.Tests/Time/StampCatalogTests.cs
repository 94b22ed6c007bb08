using System.Globalization;
using LogCorrelator.Time;

namespace LogCorrelator.Tests.Time;

/// <summary>The general reader's timestamp catalog: each layout, read where a line starts, to its UTC time.</summary>
public sealed class StampCatalogTests
{
    private static readonly DateOnly FileDate = new(2024, 6, 1);

    [Theory]
    [InlineData("2024-03-05T11:32:04.1234567+01:00 INFO started", "2024-03-05T10:32:04.123Z")]
    [InlineData("2024-03-05 11:32:04.31 spid52      Error: 18456, Severity: 14, State: 8.", "2024-03-05T11:32:04.310Z")]
    [InlineData("2024-03-05 11:32:04,123 ERROR sqlalchemy.pool", "2024-03-05T11:32:04.123Z")]
    [InlineData("2023-07-03T06:57:27.680714189Z Sqlcmd: Error:", "2023-07-03T06:57:27.680Z")]
    [InlineData("3/5/2024 11:32:04 AM: Dotmim.Sync.SyncException", "2024-03-05T11:32:04.000Z")]
    [InlineData("3/5/2024 1:32:04 PM - Execution Timeout Expired.", "2024-03-05T13:32:04.000Z")]
    [InlineData("12/23/17 20:30:20 x", "2017-12-23T20:30:20.000Z")]
    [InlineData("05.03.2024 11:32:04 Fehler", "2024-03-05T11:32:04.000Z")]
    [InlineData("2017/01/05 13:12:39 ERROR: BeginRead failed", "2017-01-05T13:12:39.000Z")]
    [InlineData("[05/Mar/2024:11:32:04 +0100] \"GET /\"", "2024-03-05T10:32:04.000Z")]
    [InlineData("05-Mar-2024 11:32:04.123 SEVERE [main]", "2024-03-05T11:32:04.123Z")]
    [InlineData("Mar 5, 2024 11:32:04 AM com.microsoft.sqlserver.jdbc.TDSChannel", "2024-03-05T11:32:04.000Z")]
    [InlineData("Tue, 05 Mar 2024 11:32:04 GMT mssql-exporter", "2024-03-05T11:32:04.000Z")]
    [InlineData("Mar  5 11:32:04 host prometheus-mssql-exporter[1308]:", "2024-03-05T11:32:04.000Z")]
    [InlineData("1709638324 connection reset", "2024-03-05T11:32:04.000Z")]
    [InlineData("1709638324123 connection reset", "2024-03-05T11:32:04.123Z")]
    [InlineData("[1709638324.534s] <- EthernetII", "2024-03-05T11:32:04.534Z")]
    [InlineData("11:32:04.123456 IP 10.0.0.5.1433 > 10.0.0.9.50112: Flags [R.]", "2024-06-01T11:32:04.123Z")]
    [InlineData("I0305 11:32:04.789991    1625 promhttp.go:38] Error gathering metrics", "2024-03-05T11:32:04.789Z")]
    [InlineData("[2024-10-02, 02:05:48 UTC] {taskinstance.py:3310} ERROR", "2024-10-02T02:05:48.000Z")]
    public void Each_layout_reads_to_its_utc_time(string line, string utc)
    {
        var profile = StampProfile.Infer([line]);
        Assert.True(profile.TryFind(line, out var parts, out _, out _), $"no timestamp found in '{line}'");
        var stamp = parts.Complete(FileDate);
        long ms = stamp.LocalMs - (stamp.OffsetMinutes ?? 0) * 60_000L;
        Assert.Equal(utc, DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("Sep  3 2020, 21:29:08 on win32")]
    [InlineData("ErrorCode: -2146232060")]
    [InlineData("TCP src=55710 dst=6972 rst seq=3200577701 win=0")]
    [InlineData("   at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception)")]
    public void Numbers_and_times_inside_text_are_not_timestamps(string line)
    {
        var profile = new StampProfile(StampReader.Catalog, StampProfile.MaxColumn, false, false);
        Assert.False(profile.TryFind(line, out _, out _, out _));
    }

    [Fact]
    public void A_day_above_12_makes_a_file_day_first()
    {
        var profile = StampProfile.Infer(["03/02/2024 10:00:00 started", "13/02/2024 10:00:00 failed"]);
        Assert.True(profile.DayFirst);
        Assert.False(profile.OrderAmbiguous);
        Assert.True(profile.TryFind("03/02/2024 10:00:00 started", out var parts, out _, out _));
        Assert.Equal((2, 3), (parts.Month, parts.Day));
        Assert.Equal("dd/MM/yyyy HH:mm:ss", profile.Describe());
    }

    [Fact]
    public void Slashed_dates_that_never_settle_the_order_are_read_month_first_and_said_so()
    {
        var profile = StampProfile.Infer(["03/02/2024 10:00:00 started", "04/02/2024 10:00:00 failed"]);
        Assert.False(profile.DayFirst);
        Assert.True(profile.OrderAmbiguous);
        Assert.Contains("ambiguous", profile.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_less_syslog_stamp_after_the_file_time_belongs_to_the_year_before()
    {
        var profile = StampProfile.Infer(["Dec 31 23:59:58 host app: x"]);
        Assert.True(profile.TryFind("Dec 31 23:59:58 host app: x", out var parts, out _, out _));
        var stamp = parts.Complete(new DateOnly(2025, 1, 2));
        Assert.Equal(new DateTime(2024, 12, 31, 23, 59, 58), DateTime.UnixEpoch.AddMilliseconds(stamp.LocalMs));
    }
}
