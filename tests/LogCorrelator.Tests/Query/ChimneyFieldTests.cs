using LogCorrelator.Events;
using LogCorrelator.Query;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Query;

/// <summary>The chimney field reads a netsh listing's TCP Chimney Offload state from the event's rare attributes.</summary>
public sealed class ChimneyFieldTests : IDisposable
{
    private readonly StoreBuilder _builder = new StoreBuilder()
        .Source("SQLPROD03/netsh.txt", "SQLPROD03")
        .Event("08:00:00.000", EventKind.NetConfig, "TCP Global Parameters", extra: "rss=enabled; chimney=Enabled; netdma=disabled")
        .Source("WEBAPP02/netsh.txt", "WEBAPP02")
        .Event("08:00:00.000", EventKind.NetConfig, "TCP Global Parameters", extra: "rss=enabled; chimney=disabled")
        .Source("WEBAPP03/netsh.txt", "WEBAPP03")
        .Event("08:00:00.000", EventKind.NetConfig, "TCP Global Parameters", extra: "rss=enabled");

    [Theory]
    [InlineData("netconfig where chimney = enabled", "SQLPROD03")]
    [InlineData("netconfig where chimney != enabled", "WEBAPP02")]
    [InlineData("netconfig where chimney ~ \"^dis\"", "WEBAPP02")]
    [InlineData("netconfig where chimney in (enabled, automatic)", "SQLPROD03")]
    [InlineData("netconfig where not chimney = enabled", "WEBAPP02,WEBAPP03")]
    public void Compares_the_state_without_case_and_a_listing_without_one_has_none(string query, string hosts)
    {
        var result = QueryEngine.Run(_builder.Build(), query);

        Assert.Equal(hosts, string.Join(",", result.Matches.Select(m => m.Event.Host)));
    }

    [Fact]
    public void Counts_and_shows_the_state_as_the_listing_wrote_it()
    {
        var result = QueryEngine.Run(_builder.Build(), "netconfig | count by chimney");

        Assert.Equal(["Enabled|1", "disabled|1", "|1"], result.Rows!.Select(r => string.Join("|", r)).Order(StringComparer.Ordinal).ToArray());
    }

    public void Dispose() => _builder.Dispose();
}
