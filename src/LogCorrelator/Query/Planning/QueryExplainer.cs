using System.Globalization;
using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Query.Syntax;
using LogCorrelator.Store;

namespace LogCorrelator.Query.Planning;

/// <summary>
/// A short account of how a query runs: each side's scans and how many rows they load (counted by
/// loading them, which reads index and row columns only, never the message text), and the join.
/// </summary>
internal static class QueryExplainer
{
    public static string Explain(EventStore store, QueryPlan plan)
    {
        var text = new StringBuilder();
        text.Append("query  ").Append(plan.Text).Append('\n');
        // Counting rows needs ids and times only.
        var left = QueryExecutor.LoadSet(store, plan.Left, null, null, EventFields.None);
        Side(text, "left ", plan.Left, null, left.Count);
        if (plan.Join is not { } join)
            return text.ToString();
        if (left.Count == 0)
        {
            text.Append("right  ").Append(join.Right.Text).Append(": not scanned, the left side is empty\n");
        }
        else
        {
            var bounds = QueryExecutor.RightBounds(left, join.Window);
            var right = QueryExecutor.LoadSet(store, join.Right, bounds.From, bounds.To, EventFields.None);
            Side(text, "right", join.Right, bounds, right.Count);
        }
        text.Append("join   ").Append(join.Negated ? "not " : "").Append(Keywords.Word(join.Kind))
            .Append(": right time in [t - ").Append(Ms(join.Window.Before)).Append(", t + ").Append(Ms(join.Window.After)).Append(']');
        if (join.Key is { } key)
            text.Append(", left ").Append(Keywords.Word(key.Left)).Append(" = right ").Append(Keywords.Word(key.Right));
        text.Append(join.Negated ? ", keep left events with none\n" : $", keep the nearest {QueryExecutor.RelatedLimit} related\n");
        return text.ToString();
    }

    private static void Side(StringBuilder text, string label, SetPlan set, (long From, long To)? bounds, int rows)
    {
        text.Append(label).Append("  ").Append(set.Text).Append(':');
        for (int i = 0; i < set.Scans.Count; i++)
            text.Append(i > 0 ? " +" : "").Append(" scan ").Append(Describe(set.Scans[i]));
        if (bounds is var (from, to))
            text.Append(", time ").Append(Time(from)).Append(" .. ").Append(Time(to));
        text.Append(" -> ").Append(rows.ToString(CultureInfo.InvariantCulture)).Append(rows == 1 ? " row\n" : " rows\n");
    }

    private static string Describe(EventScan scan)
    {
        var parts = new List<string>();
        if (scan.Kinds is { Count: > 0 } kinds)
            parts.Add("kind " + string.Join("|", kinds.Select(k => k.Name())));
        var codes = (scan.Codes ?? []).Select(c => c.ToString(CultureInfo.InvariantCulture)).Concat(scan.SqlStates ?? []).ToList();
        if (codes.Count > 0)
            parts.Add("code " + string.Join("|", codes));
        return parts.Count > 0 ? string.Join(", ", parts) : "all events";
    }

    private static string Ms(long ms) => ms.ToString(CultureInfo.InvariantCulture) + "ms";

    private static string Time(long ms) =>
        DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
