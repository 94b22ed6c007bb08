using LogCorrelator.Events;
using LogCorrelator.Query;
using LogCorrelator.Query.Execution;
using LogCorrelator.Query.Planning;
using LogCorrelator.Store.Blocks;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Query;

/// <summary>
/// A relation reads its right side only in the windows its left events reach. Measured on the
/// generated 600 MB incident: <c>errors ... after events within 36s on host</c> read all 3.6M events
/// (350 MB, 2.6 s) to keep the few thousand inside 313 windows of 36 s.
/// </summary>
public sealed class RelationWindowReadTests
{
    [Fact]
    public void A_relation_to_every_event_reads_only_the_blocks_its_windows_meet()
    {
        using var builder = new StoreBuilder();
        builder.Source("APPSRV01/app.log", "APPSRV01");
        long start = Utc.Ms("00:00:00.000");
        // 50,000 lines 4 s apart (about 12 info blocks over 2.3 days), two errors far apart.
        for (int i = 0; i < 50_000; i++)
            builder.Event(start + i * 4_000L, EventKind.Info, "GET /api/orders responded 200");
        long first = start + 3_600_000, last = start + 49_000 * 4_000L;
        builder.Event(first + 1, EventKind.Error, "reset", code: 10054);
        builder.Event(last + 1, EventKind.Error, "reset", code: 10054);
        var store = builder.Build();
        int blocks = store.BlockSummaries.Count;

        var stats = new BlockScanStats();
        var plan = QueryPlanner.Plan(store, QueryEngine.Compile("errors after events within 36s", new QueryOptions()), null);
        var result = QueryExecutor.Execute(store, plan, "errors after events within 36s", stats: stats);

        Assert.Equal([first + 1, last + 1], result.Matches.Select(m => m.Event.Time!.Value.ToUnixTimeMilliseconds()));
        Assert.True(blocks >= 12, $"{blocks} blocks");
        // The notable block, and one or two info blocks around each error: not the ten between them.
        Assert.InRange(stats.Decoded, 3, 5);
    }
}
