using LogCorrelator.Query.Planning;
using LogCorrelator.Store;
using LogCorrelator.Store.Blocks;

namespace LogCorrelator.Query.Execution;

/// <summary>
/// Row estimates for the planner and explain: the events the block filter of each scan keeps
/// (whole blocks counted from their summaries, the others decoded), before the filters that run
/// on decoded rows.
/// </summary>
internal static class Estimator
{
    /// <summary>
    /// The rows of a set's scans, counting no further than <paramref name="limit"/> when given: a
    /// planner that only asks "more than N?" should not pay for counting a million events.
    /// </summary>
    public static long Rows(EventStore store, SetPlan plan, long? from = null, long? to = null, long? limit = null) => plan switch
    {
        ScanSetPlan scan => Rows(store, ScanRead.Build(scan.Scan, from, to).Blocks, limit),
        UnionSetPlan union => union.Members.Sum(m => Rows(store, m, from, to, limit)),
        ConditionedSetPlan conditioned => Rows(store, conditioned.Left, from ?? conditioned.From, to ?? conditioned.To, limit),
        _ => 0,
    };

    public static long Rows(EventStore store, BlockFilter filter, long? limit = null) => store.Count(filter, limit);

    /// <summary>What reading a scan would touch: blocks considered, pruned by their summaries, to decode.</summary>
    public static BlockScanStats Blocks(EventStore store, BlockFilter filter)
    {
        var stats = new BlockScanStats();
        foreach (var b in store.BlockSummaries)
        {
            stats.Considered++;
            if (!filter.Admits(b))
            {
                stats.Pruned++;
                continue;
            }
            stats.Decoded++;
            stats.EventsDecoded += b.Count;
            stats.BytesRead += b.Bytes;
        }
        return stats;
    }
}
