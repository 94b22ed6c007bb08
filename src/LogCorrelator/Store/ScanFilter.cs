using System.Globalization;
using System.Text;
using LogCorrelator.Events;
using Microsoft.Data.Sqlite;

namespace LogCorrelator.Store;

/// <summary>
/// The WHERE clause of an <see cref="EventScan"/> narrowed to one kind, so each statement is a
/// range over the (kind, t) index. Values always go in as parameters.
/// </summary>
internal static class ScanFilter
{
    /// <summary>The kinds a scan reads one at a time: its own, or every kind.</summary>
    public static IReadOnlyList<EventKind> Kinds(EventScan scan) => scan.Kinds is { Count: > 0 } k ? k : EventKinds.All;

    public static string Where(SqliteCommand cmd, EventScan scan, EventKind kind)
    {
        // The (kind, t) index leaves info out: SQLite uses it only when the query says so too.
        var sql = new StringBuilder(kind == EventKind.Info ? "kind = $kind" : StoreSchema.IndexedKinds + " AND kind = $kind");
        cmd.Parameters.AddWithValue("$kind", (int)kind);
        var codes = new List<string>();
        if (scan.Codes is { Count: > 0 } numbers)
            codes.Add("code IN (" + Params(cmd, "$c", numbers.Select(c => (object)c)) + ")");
        if (scan.SqlStates is { Count: > 0 } states)
            codes.Add("sqlstate IN (" + Params(cmd, "$s", states.Select(s => (object)s)) + ")");
        if (codes.Count > 0)
            sql.Append(" AND (").Append(string.Join(" OR ", codes)).Append(')');
        if (scan.From is long from)
        {
            sql.Append(" AND t >= $scanFrom");
            cmd.Parameters.AddWithValue("$scanFrom", from);
        }
        if (scan.To is long to)
        {
            sql.Append(" AND t <= $scanTo");
            cmd.Parameters.AddWithValue("$scanTo", to);
        }
        return sql.ToString();
    }

    private static string Params(SqliteCommand cmd, string prefix, IEnumerable<object> values)
    {
        var names = new StringBuilder();
        int i = 0;
        foreach (var v in values)
        {
            string name = prefix + i++.ToString(CultureInfo.InvariantCulture);
            cmd.Parameters.AddWithValue(name, v);
            names.Append(names.Length > 0 ? ", " : "").Append(name);
        }
        return names.ToString();
    }
}
