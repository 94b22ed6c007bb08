using LogCorrelator.Store.Blocks;
using LogCorrelator.Events;
using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Planning;
using LogCorrelator.Query.Syntax;
using LogCorrelator.Store;

namespace LogCorrelator.Query.Execution;

/// <summary>
/// Runs a plan: the left set's scans, the conditions (join core over the time arrays), the pipes
/// over the rows, then one resolve of only the events shown.
/// </summary>
internal static class QueryExecutor
{
    /// <summary>
    /// Related events kept per match and relation: the nearest by |delta|. A dense right side
    /// (thousands of TIME_WAIT samples around one error) would otherwise swamp every output; the
    /// nearest few are the evidence, and a match stays a match however many more there are.
    /// </summary>
    public const int RelatedLimit = 5;

    /// <param name="cancel">Checked between steps and every 4096 rows; the plan's regular expressions check it at each match.</param>
    /// <param name="stats">When given, counts what the scans decode.</param>
    public static QueryResult Execute(EventStore store, QueryPlan plan, string text, CancellationToken cancel = default, BlockScanStats? stats = null)
    {
        var texts = new MessageTexts(store, cancel);
        var loader = new SetLoader(store, texts, cancel, stats);
        var values = new FieldValues(store);
        var columns = PipeColumns(plan.Pipes) | (plan.Condition is { } c ? ConditionRun.LeftColumns(c) : ColumnSet.None);
        var run = new ConditionRun(loader, cancel);
        var left = plan.From > plan.To ? EventSet.Empty(columns)
            : plan.Driver is { } driver ? Driven(loader, run, plan, driver, columns)
            : loader.Load(plan.Left, columns, plan.From, plan.To);

        cancel.ThrowIfCancellationRequested();
        var holds = plan.Condition is { } condition ? run.Evaluate(condition, left) : null;
        var rows = new List<int>(left.Count);
        for (int i = 0; i < left.Count; i++)
        {
            if (holds is null || holds[i])
                rows.Add(i);
        }

        List<string>? tableColumns = null;
        List<object?[]>? table = null;
        FieldsPipeNode? fields = null;
        foreach (var pipe in plan.Pipes)
        {
            switch (pipe)
            {
                case CountPipeNode count:
                    if (count.By.Contains(Field.Message))
                        texts.Fill(left, rows);
                    (tableColumns, table) = CountTable.Build(count, left, rows, values);
                    break;
                case SortPipeNode sort when table is not null:
                    int column = tableColumns!.IndexOf(sort.Field == Field.Count ? Keywords.Count : Keywords.Word(sort.Field));
                    table = Sorted(table, r => r[column], sort.Descending);
                    break;
                case SortPipeNode sort:
                    if (sort.Field == Field.Message)
                        texts.Fill(left, rows);
                    rows = Sorted(rows, i => values.Of(left, sort.Field, i), sort.Descending);
                    break;
                case TakePipeNode take when table is not null:
                    table = Take(table, take);
                    break;
                case TakePipeNode take:
                    rows = Take(rows, take);
                    break;
                case FieldsPipeNode f:
                    fields = f;
                    break;
            }
        }
        if (table is not null)
            return new QueryResult(text, []) { Columns = tableColumns, Rows = table, IsAggregate = true };

        cancel.ThrowIfCancellationRequested();
        var matches = Matches(store, plan, run, left, rows, cancel);
        if (fields is null)
            return new QueryResult(text, matches);
        var projected = matches.Select(m => fields.Fields.Select(f => values.Of(m.Event, f)).ToArray()).ToList();
        return new QueryResult(text, matches) { Columns = fields.Fields.Select(Keywords.Word).ToList(), Rows = projected };
    }

    private static QueryMatch[] Matches(EventStore store, QueryPlan plan, ConditionRun run, EventSet left, List<int> rows, CancellationToken cancel)
    {
        var related = new List<(EventSet Set, int Index)>[rows.Count];
        var ids = new List<long>();
        var seen = new HashSet<long>();
        for (int m = 0; m < rows.Count; m++)
        {
            if ((m & 4095) == 4095)
                cancel.ThrowIfCancellationRequested();
            int a = rows[m];
            related[m] = plan.Condition is { } condition ? run.Related(condition, a, RelatedLimit) : [];
            if (seen.Add(left.Id[a]))
                ids.Add(left.Id[a]);
            foreach (var (set, b) in related[m])
            {
                if (seen.Add(set.Id[b]))
                    ids.Add(set.Id[b]);
            }
        }
        var events = new Dictionary<long, StoredEvent>(ids.Count);
        foreach (var e in store.Resolve(ids))
            events[e.Id] = e;
        cancel.ThrowIfCancellationRequested();

        var matches = new QueryMatch[rows.Count];
        for (int m = 0; m < rows.Count; m++)
        {
            int a = rows[m];
            // Several relations can justify one event with the same right event: shown once, in time order.
            var shown = related[m]
                .DistinctBy(r => r.Set.Id[r.Index])
                .OrderBy(r => r.Set.Time[r.Index]).ThenBy(r => r.Set.Id[r.Index])
                .Select(r => new RelatedEvent(events[r.Set.Id[r.Index]], (r.Set.Time[r.Index] - left.Time[a]) / 1000.0))
                .ToArray();
            matches[m] = new QueryMatch(events[left.Id[a]], shown);
        }
        return matches;
    }

    /// <summary>
    /// The join driven from its small side: the driver's right set first, then the left set only
    /// where an event of it can be: tA in [tB - after, tB + before] for some right time tB.
    /// </summary>
    private static EventSet Driven(SetLoader loader, ConditionRun run, QueryPlan plan, RelationPlan driver, ColumnSet columns)
    {
        var window = driver.Window;
        var right = loader.Load(driver.Right, RelationStep.RightColumns(driver), (plan.From - window.Before) ?? EventTime.None + 1, plan.To + window.After);
        run.Preload(driver, right);
        return loader.Load(plan.Left, columns, plan.From, plan.To, Ranges(right.Times, window.After, window.Before));
    }

    /// <summary>The windows around sorted times, overlapping ones merged: sorted and disjoint.</summary>
    public static List<(long From, long To)> Ranges(ReadOnlySpan<long> times, long before, long after)
    {
        var ranges = new List<(long From, long To)>();
        foreach (long t in times)
        {
            long from = t - before, to = t + after;
            if (ranges.Count > 0 && from <= ranges[^1].To + 1)
                ranges[^1] = (ranges[^1].From, Math.Max(ranges[^1].To, to));
            else
                ranges.Add((from, to));
        }
        return ranges;
    }

    /// <summary>The left columns the pipes read (sort and count work on loaded rows, before anything is resolved).</summary>
    public static ColumnSet PipeColumns(IReadOnlyList<PipeNode> pipes)
    {
        var columns = ColumnSet.None;
        foreach (var pipe in pipes)
        {
            if (pipe is CountPipeNode count)
            {
                foreach (var f in count.By)
                    columns |= FieldValues.Columns(f);
                break;
            }
            if (pipe is SortPipeNode sort)
                columns |= FieldValues.Columns(sort.Field);
        }
        return columns;
    }

    private static List<T> Sorted<T>(List<T> items, Func<T, object?> key, bool descending)
    {
        // Stable: equal keys keep their order (time, unless an earlier sort said otherwise).
        var keys = items.Select(key).ToArray();
        var order = Enumerable.Range(0, items.Count).ToArray();
        var sorted = descending
            ? order.OrderByDescending(i => keys[i], Comparer<object?>.Create(FieldValues.Compare))
            : order.OrderBy(i => keys[i], Comparer<object?>.Create(FieldValues.Compare));
        return sorted.Select(i => items[i]).ToList();
    }

    private static List<T> Take<T>(List<T> items, TakePipeNode take) =>
        take.Count >= items.Count ? items
        : take.FromEnd ? items.GetRange(items.Count - take.Count, take.Count)
        : items.GetRange(0, take.Count);
}
