using LogCorrelator.Events;
using System.Text;
using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Planning;
using LogCorrelator.Store;
using LogCorrelator.Store.Blocks;

namespace LogCorrelator.Query.Execution;

/// <summary>
/// Loads a set plan into an <see cref="EventSet"/>: each scan decodes the blocks its summary test
/// admits and keeps the matching rows with the columns needed; the filter then runs on them,
/// cheap columns first and the message text last, read by offset for the rows still standing.
/// </summary>
internal sealed class SetLoader
{
    private readonly EventStore _store;
    private readonly MessageTexts _texts;
    private readonly CancellationToken _cancel;
    private readonly BlockScanStats? _stats;

    /// <param name="stats">When given, counts the blocks and events each scan decodes (tests check what a question reads).</param>
    public SetLoader(EventStore store, MessageTexts texts, CancellationToken cancel = default, BlockScanStats? stats = null)
    {
        _store = store;
        _texts = texts;
        _cancel = cancel;
        _stats = stats;
    }

    public EventStore Store => _store;

    public MessageTexts Texts => _texts;

    /// <summary>
    /// Loads a set between <paramref name="from"/> and <paramref name="to"/>; with
    /// <paramref name="ranges"/> (sorted, disjoint), only within them: one range scan each.
    /// </summary>
    public EventSet Load(SetPlan plan, ColumnSet columns, long? from, long? to, IReadOnlyList<(long From, long To)>? ranges = null) => plan switch
    {
        ScanSetPlan scan => Scan(scan.Scan, columns, from, to, ranges),
        UnionSetPlan union => Union(union, columns, from, to, ranges),
        ConditionedSetPlan conditioned => Conditioned(conditioned, columns, from, to, ranges),
        _ => throw new ArgumentOutOfRangeException(nameof(plan), plan, "unknown set plan"),
    };

    private EventSet Union(UnionSetPlan union, ColumnSet columns, long? from, long? to, IReadOnlyList<(long From, long To)>? ranges)
    {
        EventSet? result = null;
        foreach (var member in union.Members)
        {
            var loaded = Load(member, columns, from, to, ranges);
            result = result is null ? loaded : EventSet.Merge(result, loaded, columns);
        }
        return result ?? EventSet.Empty(columns);
    }

    private EventSet Conditioned(ConditionedSetPlan conditioned, ColumnSet columns, long? from, long? to, IReadOnlyList<(long From, long To)>? ranges)
    {
        // A relation relates times: events without one are left out of both sides.
        from = Max(from, conditioned.From) ?? EventTime.None + 1;
        to = Min(to, conditioned.To);
        var left = Load(conditioned.Left, columns | ConditionRun.LeftColumns(conditioned.Condition), from, to, ranges);
        var run = new ConditionRun(this, _cancel);
        var holds = run.Evaluate(conditioned.Condition, left);
        var kept = new List<int>();
        for (int i = 0; i < left.Count; i++)
        {
            if (holds[i])
                kept.Add(i);
        }
        return left.Subset(kept.ToArray());
    }

    private EventSet Scan(ScanPlan scan, ColumnSet columns, long? from, long? to, IReadOnlyList<(long From, long To)>? ranges)
    {
        if (from > to)
            return EventSet.Empty(columns);
        var clipped = ranges is null ? null : Clip(ranges, from ?? long.MinValue, to ?? long.MaxValue);
        if (clipped is { Count: 0 })
            return EventSet.Empty(columns);
        if (clipped is not null)
            (from, to) = (clipped[0].From, clipped[^1].To);
        var read = ScanRead.Build(scan, from, to);
        foreach (var filter in read.Filters)
            columns |= FilterEval.Columns(filter);
        var set = Read(read.Blocks, columns, clipped);
        if (read.Filters.Count == 0)
            return set;
        // Filters on decoded columns first: the message is read only for the rows they keep.
        var cheap = read.Filters.Where(f => !FilterEval.NeedsMessage(f)).ToList();
        var textual = read.Filters.Where(FilterEval.NeedsMessage).ToList();
        set = Keep(set, cheap);
        if (textual.Count > 0)
        {
            _texts.Fill(set, Enumerable.Range(0, set.Count));
            set = Keep(set, textual);
        }
        return set;
    }

    private EventSet Keep(EventSet set, List<Filter> filters)
    {
        if (filters.Count == 0)
            return set;
        var kept = new List<int>(set.Count);
        for (int i = 0; i < set.Count; i++)
        {
            if ((i & 4095) == 0)
                _cancel.ThrowIfCancellationRequested();
            if (filters.TrueForAll(f => FilterEval.Holds(f, set, i)))
                kept.Add(i);
        }
        return kept.Count == set.Count ? set : set.Subset(kept.ToArray());
    }

    private static List<(long From, long To)> Clip(IReadOnlyList<(long From, long To)> ranges, long from, long to) =>
        ranges.Where(r => r.To >= from && r.From <= to).Select(r => (Math.Max(r.From, from), Math.Min(r.To, to))).ToList();

    /// <summary>The rows of the admitted blocks that match, with the columns asked for, in (time, id) order.</summary>
    private EventSet Read(BlockFilter filter, ColumnSet columns, List<(long From, long To)>? ranges) =>
        EventLoader.Read(_store, filter, columns, ranges, _stats, _cancel);

    private static long? Max(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    internal static ColumnSet ColumnOf(Field field) => field switch
    {
        Field.Host => ColumnSet.Host,
        Field.Peer => ColumnSet.Peer,
        Field.Source => ColumnSet.Source,
        Field.Spid => ColumnSet.Spid,
        Field.Code => ColumnSet.Code | ColumnSet.SqlState,
        Field.SqlState => ColumnSet.SqlState,
        Field.CodeOrigin => ColumnSet.Code | ColumnSet.SqlState | ColumnSet.Extra,
        Field.Chimney or Field.Outcome => ColumnSet.Extra,
        Field.Message => ColumnSet.Message,
        Field.Port => ColumnSet.Port,
        Field.Count => ColumnSet.Count,
        Field.Kind => ColumnSet.Kind,
        _ => ColumnSet.None,
    };
}
