using LogCorrelator.Query.Planning;
using LogCorrelator.Store;

namespace LogCorrelator.Query.Execution;

/// <summary>
/// Row estimates for the planner and explain: <c>count(*)</c> of what each scan pushes down to
/// SQL (served by the indexes, no row read), before the filters that run on loaded rows.
/// </summary>
internal static class Estimator
{
    public static long Rows(EventStore store, SetPlan plan, long? from = null, long? to = null) => plan switch
    {
        ScanSetPlan scan => Rows(store, ScanSql.Build(scan.Scan, from, to)),
        UnionSetPlan union => union.Members.Sum(m => Rows(store, m, from, to)),
        ConditionedSetPlan conditioned => Rows(store, conditioned.Left, from ?? conditioned.From, to ?? conditioned.To),
        _ => 0,
    };

    public static long Rows(EventStore store, ScanSql sql)
    {
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM events" + sql.Where;
        sql.Bind(cmd);
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>SQLite's own account of how it runs a statement: which index, which terms.</summary>
    public static string SqlitePlan(EventStore store, string select, ScanSql sql)
    {
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + select;
        sql.Bind(cmd);
        var steps = new List<string>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            steps.Add(r.GetString(3));
        return string.Join("; ", steps);
    }
}
