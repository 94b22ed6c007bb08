using LogCorrelator.Events;
using System.Text;
using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Planning;
using LogCorrelator.Store;
using Microsoft.Data.Sqlite;

namespace LogCorrelator.Query.Execution;

/// <summary>
/// Loads a set plan into an <see cref="EventSet"/>: each scan is one parameterised SELECT of the
/// columns needed; residual filters then run on the loaded rows, cheap columns first and the
/// message text last, read by offset for the rows still standing.
/// </summary>
internal sealed class SetLoader
{
    private readonly EventStore _store;
    private readonly MessageTexts _texts;

    public SetLoader(EventStore store, MessageTexts texts)
    {
        _store = store;
        _texts = texts;
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
        var run = new ConditionRun(this);
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
        // With ranges the bounds are parameters set once per range; the statement is built once.
        var sql = ranges is null ? ScanSql.Build(scan, from, to) : ScanSql.Build(scan, long.MinValue, long.MaxValue);
        foreach (var filter in sql.Residual)
            columns |= FilterEval.Columns(filter);
        var set = ranges is null ? Read(sql, columns, null) : Read(sql, columns, Clip(ranges, from ?? long.MinValue, to ?? long.MaxValue));
        if (sql.Residual.Count == 0)
            return set;
        // Filters on loaded columns first: the message is read only for the rows they keep.
        var cheap = sql.Residual.Where(f => !FilterEval.NeedsMessage(f)).ToList();
        var textual = sql.Residual.Where(FilterEval.NeedsMessage).ToList();
        set = Keep(set, cheap);
        if (textual.Count > 0)
        {
            _texts.Fill(set, Enumerable.Range(0, set.Count));
            set = Keep(set, textual);
        }
        return set;
    }

    private static EventSet Keep(EventSet set, List<Filter> filters)
    {
        if (filters.Count == 0)
            return set;
        var kept = new List<int>(set.Count);
        for (int i = 0; i < set.Count; i++)
        {
            if (filters.TrueForAll(f => FilterEval.Holds(f, set, i)))
                kept.Add(i);
        }
        return kept.Count == set.Count ? set : set.Subset(kept.ToArray());
    }

    /// <summary>The SELECT for a scan: id and time, then only the columns asked for.</summary>
    public static string SelectText(ScanSql sql, ColumnSet columns)
    {
        columns = WithSource(columns);
        var select = new StringBuilder("SELECT id, t");
        foreach (var (column, name) in Selected)
        {
            if ((columns & column) != 0)
                select.Append(", ").Append(name);
        }
        return select.Append(" FROM ").Append(StoreSchema.ReadView).Append(sql.Where).ToString();
    }

    private static readonly (ColumnSet Column, string Sql)[] Selected =
    [
        (ColumnSet.Kind, "kind"), (ColumnSet.Code, "code"), (ColumnSet.SqlState, "sqlstate"), (ColumnSet.Host, "host"),
        (ColumnSet.Peer, "peer"), (ColumnSet.Spid, "spid"), (ColumnSet.Port, "port"), (ColumnSet.Count, "count"),
        (ColumnSet.Source, "src"), (ColumnSet.Message, "msg_off, msg_len"), (ColumnSet.Extra, "extra"),
    ];

    private static List<(long From, long To)> Clip(IReadOnlyList<(long From, long To)> ranges, long from, long to) =>
        ranges.Where(r => r.To >= from && r.From <= to).Select(r => (Math.Max(r.From, from), Math.Min(r.To, to))).ToList();

    private EventSet Read(ScanSql sql, ColumnSet columns, List<(long From, long To)>? ranges)
    {
        columns = WithSource(columns);
        using var cmd = _store.Connection.CreateCommand();
        // No ORDER BY: with several kinds or codes SQLite would sort in a temp B-tree; the rows
        // mostly arrive in time order from the (kind, t) and (code, t) indexes, and a sort in
        // memory is cheaper when they do not.
        cmd.CommandText = SelectText(sql, columns);
        sql.Bind(cmd);
        var set = new EventSet(columns, 256);
        if (ranges is null)
        {
            ReadRows(cmd, columns, set);
            return set.Sorted();
        }
        cmd.Prepare();
        // Disjoint ranges in time order: each one's rows sorted, appended, keep the whole sorted.
        foreach (var (from, to) in ranges)
        {
            cmd.Parameters["$from"].Value = from;
            cmd.Parameters["$to"].Value = to;
            var part = new EventSet(columns, 16);
            ReadRows(cmd, columns, part);
            part = part.Sorted();
            for (int i = 0; i < part.Count; i++)
                set.CopyRow(part, i);
        }
        return set;
    }

    private static void ReadRows(SqliteCommand cmd, ColumnSet columns, EventSet set)
    {
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            int n = set.Add(r.GetInt64(0), r.GetInt64(1));
            int c = 2;
            if ((columns & ColumnSet.Kind) != 0) set.Kind[n] = r.GetInt32(c++);
            if ((columns & ColumnSet.Code) != 0) set.Code[n] = Int(r, c++, EventSet.None);
            if ((columns & ColumnSet.SqlState) != 0) set.SqlState[n] = r.IsDBNull(c++) ? null : r.GetString(c - 1);
            if ((columns & ColumnSet.Host) != 0) set.Host[n] = Int(r, c++, 0);
            if ((columns & ColumnSet.Peer) != 0) set.Peer[n] = Int(r, c++, 0);
            if ((columns & ColumnSet.Spid) != 0) set.Spid[n] = Int(r, c++, EventSet.None);
            if ((columns & ColumnSet.Port) != 0) set.Port[n] = Int(r, c++, EventSet.None);
            if ((columns & ColumnSet.Count) != 0) set.Counts[n] = Int(r, c++, EventSet.None);
            if ((columns & ColumnSet.Source) != 0) set.Source[n] = r.GetInt32(c++);
            if ((columns & ColumnSet.Message) != 0)
            {
                set.MessageOffset[n] = r.GetInt64(c++);
                set.MessageLength[n] = r.GetInt32(c++);
            }
            if ((columns & ColumnSet.Extra) != 0) set.Extra[n] = r.IsDBNull(c++) ? null : r.GetString(c - 1);
        }
    }

    /// <summary>The message's place needs its file.</summary>
    private static ColumnSet WithSource(ColumnSet columns) =>
        (columns & ColumnSet.Message) != 0 ? columns | ColumnSet.Source : columns;

    private static int Int(SqliteDataReader r, int ordinal, int missing) => r.IsDBNull(ordinal) ? missing : r.GetInt32(ordinal);

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
        Field.Message => ColumnSet.Message,
        Field.Port => ColumnSet.Port,
        Field.Count => ColumnSet.Count,
        Field.Kind => ColumnSet.Kind,
        _ => ColumnSet.None,
    };
}
