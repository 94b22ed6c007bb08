using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Events;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Diagnose;

/// <summary>A rule's where: columns and extra attributes, numbers as numbers, text without case.</summary>
public sealed class AttributeFilterTests
{
    private static readonly StoredEvent Snapshot = new(1, Utc.At("16:03:00.388"), EventKind.TimeWait, null, null, "APPSRV05",
        "10.10.10.20:1433", null, 1433, 3978, "TCP ...", "netstat.txt", 79, "state=TIME_WAIT; local=10.10.10.10; ports=61536-65535");

    private static readonly StoredEvent Netsh = new(2, Utc.At("08:00:00"), EventKind.NetConfig, null, null, "SQLPROD03",
        null, null, null, null, "TCP Global Parameters", "netsh.txt", 1, "rss=enabled; chimney=Enabled; netdma=disabled");

    [Theory]
    [InlineData("count >= 3900", true)]
    [InlineData("count >= 3979", false)]
    [InlineData("count > 600 and port = 1433", true)]
    [InlineData("port != 1433", false)]
    [InlineData("state = time_wait", true)]
    [InlineData("peer ~ \"10.10.10.20\"", true)]
    [InlineData("spid", false)]
    [InlineData("count", true)]
    [InlineData("chimney = enabled", false)]
    [InlineData("chimney != enabled", true)]
    public void Conditions_on_a_TIME_WAIT_snapshot(string where, bool matches)
    {
        Assert.Equal(matches, AttributeFilter.Parse(where).Matches(Snapshot));
    }

    [Fact]
    public void Extra_keys_are_fields_and_values_compare_without_case()
    {
        Assert.True(AttributeFilter.Parse("chimney = enabled").Matches(Netsh));
        Assert.False(AttributeFilter.Parse("netdma = enabled").Matches(Netsh));
    }

    [Fact]
    public void The_parsed_filter_reads_back_as_written()
    {
        Assert.Equal("count >= 3900 and port = 1433", AttributeFilter.Parse("count>=3900 AND port = 1433").ToString());
    }
}
