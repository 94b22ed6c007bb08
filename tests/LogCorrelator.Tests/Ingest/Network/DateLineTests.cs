using LogCorrelator.Ingest.Formats.Network;

namespace LogCorrelator.Tests.Ingest.Network;

public sealed class DateLineTests
{
    [Theory]
    [InlineData("Tue Mar  5 11:32:00 UTC 2024", "2024-03-05 11:32:00.000", 0)]                 // date, C locale
    [InlineData("Tue 05 Mar 2024 11:32:00 AM EST", "2024-03-05 11:32:00.000", -300)]          // date, en_US
    [InlineData("Tue 05 Mar 2024 11:32:00 PM EST", "2024-03-05 23:32:00.000", -300)]
    [InlineData("Tue Mar  5 12:05:09 AM CET 2024", "2024-03-05 00:05:09.000", 60)]
    [InlineData("Tue 05 Mar 11:32:00 GMT 2024", "2024-03-05 11:32:00.000", 0)]                 // date, en_GB
    [InlineData("Tue, 05 Mar 2024 11:32:00 +0100", "2024-03-05 11:32:00.000", 60)]            // date -R
    [InlineData("2024-03-05T11:32:00+01:00", "2024-03-05 11:32:00.000", 60)]                  // date -Iseconds
    [InlineData("2024-03-05T11:32:00.1234567-05:00", "2024-03-05 11:32:00.123", -300)]        // Get-Date -Format o
    [InlineData("Tuesday, March 5, 2024 11:32:00 AM", "2024-03-05 11:32:00.000", null)]       // Get-Date, en-US
    [InlineData("05 March 2024 11:32:00", "2024-03-05 11:32:00.000", null)]                   // Get-Date, en-GB
    [InlineData("Tue 03/05/2024 11:32:00.12", "2024-03-05 11:32:00.120", null)]               // cmd %date% %time%
    [InlineData("Tue 03/05/2024  9:05:03.40", "2024-03-05 09:05:03.400", null)]
    [InlineData("3/5/2024 1:32:00 PM", "2024-03-05 13:32:00.000", null)]
    [InlineData("25/03/2024 11:32:00", "2024-03-25 11:32:00.000", null)]                      // day first when it can't be a month
    [InlineData("05.03.2024 11:32:00", "2024-03-05 11:32:00.000", null)]                      // de-DE
    [InlineData("Tue Mar  5 11:32:00 IST 2024", "2024-03-05 11:32:00.000", null)]             // ambiguous zone: the clock decides
    public void Date_lines_are_read_with_the_offset_they_state(string line, string local, int? offset)
    {
        Assert.True(DateLine.TryParse(line, out var stamp));

        Assert.Equal(local, DateTimeOffset.FromUnixTimeMilliseconds(stamp.LocalMs).ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(offset, stamp.OffsetMinutes);
    }

    [Theory]
    [InlineData("TCP Global Parameters")]
    [InlineData("tcp        0      0 127.0.0.1:1433          127.0.0.1:50712         TIME_WAIT")]
    [InlineData("2024-03-05 11:32:15.62 spid51      Error: 18456, Severity: 14, State: 8.")]
    [InlineData("11:32:04.123456 IP 10.0.0.5.1433 > 10.0.0.9.50712: Flags [R.], seq 0, ack 1, win 0, length 0")]
    [InlineData("Tue Mar  5 25:00:00 UTC 2024")]
    [InlineData("Tue Feb 30 11:32:00 UTC 2024")]
    [InlineData("Mar 5 11:32:00")]
    [InlineData("Receive-Side Scaling State          : enabled")]
    public void Other_lines_are_no_date_lines(string line)
    {
        Assert.False(DateLine.TryParse(line, out _));
    }
}
