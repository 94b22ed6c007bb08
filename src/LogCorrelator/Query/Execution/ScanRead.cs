using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Planning;
using LogCorrelator.Store.Blocks;

namespace LogCorrelator.Query.Execution;

/// <summary>
/// One scan as the store reads it: what the block summaries can decide (kinds, codes, time bounds,
/// source files named by the filter) and the filter's conjuncts, which run on the decoded rows.
/// </summary>
internal sealed class ScanRead
{
    private ScanRead(BlockFilter blocks, IReadOnlyList<Filter> filters)
    {
        Blocks = blocks;
        Filters = filters;
    }

    public BlockFilter Blocks { get; }

    /// <summary>The filter's conjuncts, tested on every decoded row the block filter keeps.</summary>
    public IReadOnlyList<Filter> Filters { get; }

    public static ScanRead Build(ScanPlan scan, long? from, long? to)
    {
        var filters = scan.Filter is { } filter ? Conjuncts(filter).ToList() : [];
        // `source = "x"` names files: their blocks are the only ones to read.
        IReadOnlySet<int>? sources = null;
        foreach (var f in filters)
        {
            if (f is NameFilter { Field: Field.Source, Negated: false } named)
                sources = sources is null ? named.Ids : sources.Intersect(named.Ids).ToHashSet();
        }
        var blocks = new BlockFilter(scan.Kinds is { Count: > 0 } kinds ? kinds : null, scan.Codes, scan.SqlStates, from, to, sources);
        return new ScanRead(blocks, filters);
    }

    private static IEnumerable<Filter> Conjuncts(Filter filter) =>
        filter is GroupFilter { Op: BoolOp.And } group ? group.Items.SelectMany(Conjuncts) : [filter];
}
