using LogCorrelator.Events;
using LogCorrelator.Query;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Query;

public sealed class RelatedLimitTests
{
    [Fact]
    public void A_dense_right_side_is_cut_to_the_five_nearest_in_time_order()
    {
        using var builder = new StoreBuilder();
        builder.Source("APPSRV01/app.log", "APPSRV01").Error("12:00:00.000", 10054);
        builder.Source("probe.log", "MONITOR01");
        foreach (string t in new[] { "11:59:56", "11:59:57", "11:59:58", "11:59:59", "12:00:01", "12:00:02", "12:00:03", "12:00:05" })
            builder.Event(t + ".000", EventKind.Probe, "probe failed");
        // By |delta| with ties to the earlier: -1 +1 -2 +2 -3, leaving +3, -4 and +5 out.
        Assert.Equal(
            [
                "12:00:00.000 error 10054 APPSRV01 | probe 11:59:57.000 MONITOR01 -3s | probe 11:59:58.000 MONITOR01 -2s"
                + " | probe 11:59:59.000 MONITOR01 -1s | probe 12:00:01.000 MONITOR01 +1s | probe 12:00:02.000 MONITOR01 +2s",
            ],
            MatchText.Of(QueryEngine.Run(builder.Build(), "errors near probe within 10s")));
    }
}
