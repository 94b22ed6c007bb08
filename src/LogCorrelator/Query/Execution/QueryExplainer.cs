using System.Globalization;
using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Planning;
using LogCorrelator.Query.Syntax;
using LogCorrelator.Store;

namespace LogCorrelator.Query.Execution;

/// <summary>
/// A readable account of a plan, without running it: each scan with the blocks it would read and
/// an estimate of its rows; the joins in the order they run; the pipes.
/// </summary>
internal sealed class QueryExplainer
{
    private readonly EventStore _store;
    private readonly StringBuilder _text = new();
    private int _joins;

    private QueryExplainer(EventStore store) => _store = store;

    public static string Explain(EventStore store, QueryPlan plan)
    {
        var explainer = new QueryExplainer(store);
        explainer.Query(plan);
        return explainer._text.ToString();
    }

    private void Query(QueryPlan plan)
    {
        Line(0, "query", plan.Text);
        if (plan.From is not null || plan.To is not null)
            Line(0, "range", $"{Time(plan.From)} .. {Time(plan.To)} (UTC)");
        if (plan.Driver is { } driver)
        {
            Line(0, "order", $"'{driver.Text}' first: ~{plan.DriverEstimate.ToString(CultureInfo.InvariantCulture)} right rows against over "
                + $"{(plan.LeftEstimate - 1).ToString(CultureInfo.InvariantCulture)} left; the left set is then read only within the window around each");
        }
        Line(0, "left", plan.Left.Text);
        var columns = QueryExecutor.PipeColumns(plan.Pipes) | (plan.Condition is { } c ? ConditionRun.LeftColumns(c) : ColumnSet.None);
        Set(1, plan.Left, plan.From, plan.To, columns);
        if (plan.Driver is not null)
            Line(1, "ranges", "each scan runs once per window around the right events, decoding only the blocks that overlap a window");
        if (plan.Condition is { } condition)
            Condition(0, condition);
        foreach (var pipe in plan.Pipes)
            Line(0, "pipe", QueryFormatter.Format(pipe) + PipeNote(pipe));
    }

    private static string PipeNote(PipeNode pipe) => pipe switch
    {
        CountPipeNode => ": a table of counts over the loaded rows; no event is resolved",
        FieldsPipeNode => ": a table of these fields of the resolved events",
        _ => " (over the loaded rows, before any event is resolved)",
    };

    private void Set(int depth, SetPlan plan, long? from, long? to, ColumnSet columns)
    {
        switch (plan)
        {
            case ScanSetPlan scan:
                Scan(depth, scan.Scan, from, to, columns);
                break;
            case UnionSetPlan union:
                foreach (var member in union.Members)
                    Set(depth, member, from, to, columns);
                break;
            case ConditionedSetPlan conditioned:
                Line(depth, "saved", conditioned.Text + ": its own left set, kept where its conditions hold");
                Set(depth + 1, conditioned.Left, conditioned.From ?? from, conditioned.To ?? to, columns | ConditionRun.LeftColumns(conditioned.Condition));
                if (conditioned.Condition is ConditionGroupPlan { Items.Count: 0 })
                    break;
                Condition(depth + 1, conditioned.Condition);
                break;
        }
    }

    private void Scan(int depth, ScanPlan scan, long? from, long? to, ColumnSet columns)
    {
        var read = ScanRead.Build(scan, from, to);
        long rows = Estimator.Rows(_store, read.Blocks);
        Line(depth, "scan", $"{Describe(scan)} -> ~{rows.ToString(CultureInfo.InvariantCulture)} {(rows == 1 ? "row" : "rows")}");
        var blocks = Estimator.Blocks(_store, read.Blocks);
        Line(depth + 1, "blocks", $"{Count(blocks.Considered)} considered, {Count(blocks.Pruned)} pruned by their summaries, "
            + $"{Count(blocks.Decoded)} to decode ({Count(blocks.EventsDecoded)} events, {Count(blocks.BytesRead)} bytes)");
        foreach (var filter in read.Filters)
            Line(depth + 1, "then", Residual(filter));
    }

    private static string Count(long n) => n.ToString(CultureInfo.InvariantCulture);

    private void Condition(int depth, ConditionPlan plan)
    {
        switch (plan)
        {
            case RelationPlan relation:
                _joins++;
                var text = new StringBuilder(relation.Text).Append(": right time in [t - ").Append(Ms(relation.Window.Before))
                    .Append(", t + ").Append(Ms(relation.Window.After)).Append(']');
                if (relation.LeftKey is { } lk && relation.RightKey is { } rk)
                    text.Append(", left ").Append(Keywords.Word(lk)).Append(" = right ").Append(Keywords.Word(rk));
                text.Append(relation.Negated ? ", keep left events with none" : $", keep left events with some (the nearest {QueryExecutor.RelatedLimit} shown)");
                if (relation.Estimate >= 0)
                    text.Append(", estimated ").Append(relation.Estimate.ToString(CultureInfo.InvariantCulture)).Append(" right rows");
                Line(depth, "join " + _joins.ToString(CultureInfo.InvariantCulture), text.ToString());
                Line(depth + 1, "right", relation.Right.Text + ": loaded only around the left events still kept; estimates are over all times");
                Set(depth + 2, relation.Right, null, null, relation.RightKey is { } key ? SetLoader.ColumnOf(key) : ColumnSet.None);
                break;
            case ConditionGroupPlan group:
                Line(depth, group.Op == BoolOp.And ? "all of" : "any of",
                    group.Op == BoolOp.And ? "in this order, each on the left events the ones before kept" : "each on the same left events");
                foreach (var item in group.Items)
                    Condition(depth + 1, item);
                break;
        }
    }

    private static string Describe(ScanPlan scan)
    {
        var parts = new List<string>();
        parts.Add(scan.Kinds is { Count: > 0 } kinds ? "kind " + string.Join("|", kinds.Select(k => k.Name())) : "every kind");
        var codes = scan.Codes.Select(c => c.ToString(CultureInfo.InvariantCulture)).Concat(scan.SqlStates).ToList();
        if (codes.Count > 0)
            parts.Add("code " + string.Join("|", codes));
        return string.Join(", ", parts);
    }

    private static string Residual(Filter filter) => filter switch
    {
        NameFilter { Field: Field.Source, Negated: false } name => $"{name.Text}: {name.Ids.Count} matching files, whose blocks alone are read",
        ContainsFilter contains => $"message contains {ValueNode.Quote(contains.Text)}, on the loaded rows (text read by offset)",
        NameFilter name => $"{name.Text}: {name.Ids.Count} matching ids, tested on the loaded rows",
        _ when FilterEval.NeedsMessage(filter) => "a filter on the message, on the loaded rows (text read by offset)",
        RegexFilter => "a filter with a regular expression, on the loaded rows",
        _ => "a filter on the decoded columns (kind, code, host, spid...)",
    };

    private void Line(int depth, string label, string text) =>
        _text.Append(' ', depth * 2).Append(label.PadRight(7)).Append(' ').Append(text).Append('\n');

    private static string Ms(long ms) => ms.ToString(CultureInfo.InvariantCulture) + "ms";

    private static string Time(long? ms) => ms is long t
        ? DateTimeOffset.FromUnixTimeMilliseconds(t).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
        : "-";
}
