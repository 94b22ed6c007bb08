using LogCorrelator.Query.Planning;
using LogCorrelator.Store;

namespace LogCorrelator.Query.Execution;

/// <summary>
/// Row estimates for the planner and explain: <c>count(*)</c> of what each scan pushes down to
/// SQL (served by the indexes, no row read), before the filters that run on loaded rows.
/// </summary>
internal static class Estimator
{
    /// <summary>
    /// The rows of a set's scans, counting no further than <paramref name="limit"/> when given: a
    /// planner that only asks "more than N?" should not pay for counting a million index entries.
    /// </summary>
    public static long Rows(EventStore store, SetPlan plan, long? from = null, long? to = null, long? limit = null) => plan switch
    {
        ScanSetPlan scan => Rows(store, ScanSql.Build(scan.Scan, from, to), limit),
        UnionSetPlan union => union.Members.Sum(m => Rows(store, m, from, to, limit)),
        ConditionedSetPlan conditioned => Rows(store, conditioned.Left, from ?? conditioned.From, to ?? conditioned.To, limit),
        _ => 0,
    };

    public static long Rows(EventStore store, ScanSql sql, long? limit = null)
    {
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = limit is null
            ? "SELECT count(*) FROM " + StoreSchema.ReadView + sql.Where
            : "SELECT count(*) FROM (SELECT 1 FROM " + StoreSchema.ReadView + sql.Where + " LIMIT $limit)";
        sql.Bind(cmd);
        if (limit is long cap)
            cmd.Parameters.AddWithValue("$limit", cap);
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
