using System.Globalization;
using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Planning;
using LogCorrelator.Store;
using Microsoft.Data.Sqlite;

namespace LogCorrelator.Query.Execution;

/// <summary>
/// One scan as SQL: the WHERE clause (kinds, codes, time bounds and the filter's SQL-able
/// conjuncts, every value a parameter) and the conjuncts left to run on the loaded rows. Each
/// filter leaf is written NULL-safe (<c>col IS NOT NULL AND ...</c>) so <c>NOT</c> keeps SQL to
/// the same two-valued logic as <see cref="FilterEval"/>.
/// </summary>
internal sealed class ScanSql
{
    private readonly List<string> _where = [];
    private readonly List<(string Name, object Value)> _parameters = [];
    private readonly List<Filter> _residual = [];

    private ScanSql()
    {
    }

    public string Where => _where.Count > 0 ? " WHERE " + string.Join(" AND ", _where) : "";

    public IReadOnlyList<(string Name, object Value)> Parameters => _parameters;

    /// <summary>Conjuncts that run on the loaded rows: the message, regular expressions, big name sets.</summary>
    public IReadOnlyList<Filter> Residual => _residual;

    public static ScanSql Build(ScanPlan scan, long? from, long? to)
    {
        var sql = new ScanSql();
        if (scan.Kinds is { Count: > 0 } kinds)
        {
            // The (kind, t) index leaves info out: SQLite uses it only when the query says so too.
            if (!kinds.Contains(EventKind.Info))
                sql._where.Add(StoreSchema.IndexedKinds);
            sql._where.Add("kind IN (" + sql.List("k", kinds.Select(k => (object)(int)k)) + ")");
        }
        var codes = new List<string>();
        if (scan.Codes.Count > 0)
            codes.Add("code IN (" + sql.List("c", scan.Codes.Select(c => (object)c)) + ")");
        if (scan.SqlStates.Count > 0)
            codes.Add("sqlstate COLLATE NOCASE IN (" + sql.List("s", scan.SqlStates) + ")");
        if (codes.Count > 0)
            sql._where.Add(codes.Count == 1 ? codes[0] : "(" + string.Join(" OR ", codes) + ")");
        if (from is long f)
            sql._where.Add("t >= " + sql.Param("from", f));
        if (to is long t)
            sql._where.Add("t <= " + sql.Param("to", t));
        if (scan.Filter is { } filter)
        {
            foreach (var conjunct in Conjuncts(filter))
            {
                if (conjunct.InSql)
                    sql._where.Add(sql.Sql(conjunct));
                else
                    sql._residual.Add(conjunct);
            }
        }
        return sql;
    }

    public void Bind(SqliteCommand cmd)
    {
        foreach (var (name, value) in _parameters)
            cmd.Parameters.AddWithValue(name, value);
    }

    /// <summary>The parameters as <c>$k0=1 $c0=10054</c>, for explain.</summary>
    public string ParameterText() =>
        string.Join(" ", _parameters.Select(p => p.Name + "=" + (p.Value is string s ? "'" + s + "'" : Convert.ToString(p.Value, CultureInfo.InvariantCulture))));

    private static IEnumerable<Filter> Conjuncts(Filter filter) =>
        filter is GroupFilter { Op: BoolOp.And } group ? group.Items.SelectMany(Conjuncts) : [filter];

    private string Sql(Filter filter) => filter switch
    {
        GroupFilter group => "(" + string.Join(group.Op == BoolOp.And ? " AND " : " OR ", group.Items.Select(Sql)) + ")",
        NotFilter not => "NOT " + Sql(not.Item),
        KindFilter kind => "kind " + (kind.Negated ? "NOT IN (" : "IN (") + List("k", kind.Kinds.Select(k => (object)(int)k)) + ")",
        NameFilter name => NullSafe(Column(name.Field), (name.Negated ? "NOT IN (" : "IN (") + List("n", name.Ids.Order().Select(i => (object)i)) + ")"),
        NumberFilter number => NullSafe(Column(number.Field), Compare(number.Op, "v", number.Values.Select(v => (object)v))),
        TextFilter text => NullSafe(Column(text.Field), "COLLATE NOCASE " + Compare(text.Op, "v", text.Values)),
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "not an SQL filter"),
    };

    private static string NullSafe(string column, string test) => $"({column} IS NOT NULL AND {column} {test})";

    private string Compare(CompareOp op, string prefix, IEnumerable<object> values) => op switch
    {
        CompareOp.In => "IN (" + List(prefix, values) + ")",
        _ => Keywords(op) + " " + Param(prefix, values.Single()),
    };

    private static string Keywords(CompareOp op) => op switch
    {
        CompareOp.Equal => "=",
        CompareOp.NotEqual => "!=",
        CompareOp.Less => "<",
        CompareOp.LessOrEqual => "<=",
        CompareOp.Greater => ">",
        _ => ">=",
    };

    public static string Column(Field field) => field switch
    {
        Field.Host => "host",
        Field.Peer => "peer",
        Field.Source => "src",
        Field.Spid => "spid",
        Field.Code => "code",
        Field.SqlState => "sqlstate",
        Field.Port => "port",
        Field.Count => "count",
        Field.Kind => "kind",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a column"),
    };

    private string List(string prefix, IEnumerable<object> values) => string.Join(", ", values.Select(v => Param(prefix, v)));

    private string Param(string prefix, object value)
    {
        string name = "$" + prefix + _parameters.Count(p => p.Name.StartsWith("$" + prefix, StringComparison.Ordinal)).ToString(CultureInfo.InvariantCulture);
        if (prefix is "from" or "to")
            name = "$" + prefix;
        _parameters.Add((name, value));
        return name;
    }
}
