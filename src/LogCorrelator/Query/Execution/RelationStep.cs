using LogCorrelator.Correlate;
using LogCorrelator.Query.Planning;
using LogCorrelator.Store;

namespace LogCorrelator.Query.Execution;

/// <summary>
/// One relation of the query language, evaluated for a set of left times: its right set loaded
/// within the times they can reach, then the join core run on both (keyed when the relation has
/// <c>on</c>). The query executor's conditions and diagnose's rules both go through here.
/// </summary>
internal static class RelationStep
{
    /// <summary>
    /// The right set of <paramref name="relation"/> for left events at <paramref name="leftTimes"/>
    /// (sorted, all with a time), with its key column and <paramref name="columns"/>. It is read
    /// only within the windows around them when those leave most of the span out
    /// (<c>errors after events within 36s</c> read every event of a 12-day incident, 350 MB, to keep the
    /// 0.3% in the windows); <paramref name="widenMs"/> widens the windows both ways.
    /// </summary>
    public static EventSet LoadRight(SetLoader loader, RelationPlan relation, ReadOnlySpan<long> leftTimes, ColumnSet columns, long widenMs = 0)
    {
        var windows = TimeRanges.Around(leftTimes, relation.Window.Before + widenMs, relation.Window.After + widenMs);
        long from = windows[0].From, to = windows[^1].To, covered = 0;
        foreach (var (f, t) in windows)
            covered += t - f + 1;
        return loader.Load(relation.Right, columns | RightColumns(relation), from, to, covered <= (to - from + 1) / 2 ? windows : null);
    }

    /// <summary>The columns a relation's right side loads: its key.</summary>
    public static ColumnSet RightColumns(RelationPlan relation) =>
        relation.RightKey is { } key ? SetLoader.ColumnOf(key) : ColumnSet.None;

    /// <summary>
    /// Which right rows fall in each left time's window: by time alone, or, given both sides' keys
    /// (<c>on host</c>), among the rows with the same key only.
    /// </summary>
    public static JoinRanges Join(RelationPlan relation, ReadOnlySpan<long> leftTimes, int[]? leftKeys, EventSet right, int[]? rightKeys) =>
        leftKeys is not null && rightKeys is not null
            ? KeyedIntervalJoin.Join(leftTimes, leftKeys, right.Times, rightKeys, relation.Window)
            : IntervalJoin.Join(leftTimes, right.Times, relation.Window);
}
