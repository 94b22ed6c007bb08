using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Store.Native;

namespace LogCorrelator.Store;

/// <summary>
/// Range scans into <see cref="EventColumns"/>. The SQL depends only on the scan's shape (how many
/// kinds, codes and states; which bounds), so each shape is prepared once per store and rebound;
/// rows are read through <see cref="RawStatement"/>, a native call per column and no boxing.
/// </summary>
internal static class EventLoader
{
    private const string Columns = "SELECT rowid, t, kind, code, host, spid";

    public static EventColumns Load(EventStore store, EventScan scan)
    {
        var kinds = scan.Kinds ?? [];
        var codes = scan.Codes ?? [];
        var states = scan.SqlStates ?? [];
        // An indexed scan comes out of SQLite in time order; a scan of every kind reads the table in
        // id order (fast, no temp b-tree) and is put in time order here.
        bool indexed = kinds.Count > 0 || codes.Count > 0 || states.Count > 0;
        // Peers live with the rare attributes (kills, failed logins): a selective scan joins them row by
        // row; a scan of everything reads them all into a small map instead of seeking once per row.
        bool wantPeers = scan.Fields.HasFlag(EventFields.Peer);
        bool joinPeers = wantPeers && indexed;
        var peers = wantPeers && !indexed ? Peers(store) : null;
        var statement = store.Prepared(Sql(kinds, codes.Count, states.Count, scan.From is not null, scan.To is not null, indexed, joinPeers));
        int p = 1;
        foreach (var kind in kinds)
            statement.Bind(p++, (long)kind);
        foreach (int code in codes)
            statement.Bind(p++, code);
        foreach (string state in states)
            statement.Bind(p++, state);
        if (scan.From is long from)
            statement.Bind(p++, from);
        if (scan.To is long to)
            statement.Bind(p, to);

        // A scan of every event knows its count: arrays of the exact size, no growing, no copy.
        var builder = new EventColumnsBuilder(scan.Fields, !indexed && scan.From is null && scan.To is null ? store.CountEvents() : 0);
        try
        {
            while (statement.Step())
            {
                long id = statement.Int64(0);
                builder.Add(id, statement.Int64(1), (EventKind)statement.Int64(2),
                    (int)statement.Int64(3, EventColumns.None),
                    (int)statement.Int64(4, 0),
                    joinPeers ? (int)statement.Int64(6, 0) : peers is not null && peers.TryGetValue(id, out int peer) ? peer : 0,
                    (int)statement.Int64(5, EventColumns.None));
            }
        }
        finally
        {
            statement.Reset();
        }
        return indexed ? builder.Build() : builder.BuildSortedByTime();
    }

    private static string Sql(IReadOnlyList<EventKind> kinds, int codes, int states, bool from, bool to, bool indexed, bool joinPeers)
    {
        var where = new List<string>();
        if (kinds.Count > 0)
        {
            where.Add("kind IN (" + Marks(kinds.Count) + ")");
            // The kind index leaves out info rows; SQLite uses it only when the query says so in its words.
            if (!kinds.Contains(EventKind.Info))
                where.Add("kind <> 0");
        }
        if (codes > 0 && states > 0)
            where.Add("(code IN (" + Marks(codes) + ") OR " + SqlStateIn(states) + ")");
        else if (codes > 0)
            where.Add("code IN (" + Marks(codes) + ")");
        else if (states > 0)
            where.Add(SqlStateIn(states));
        if (from)
            where.Add("t >= ?");
        if (to)
            where.Add("t <= ?");
        var sql = new StringBuilder(Columns);
        sql.Append(joinPeers ? ", (SELECT peer FROM event_attrs a WHERE a.id = events.rowid) FROM events" : " FROM events");
        if (where.Count > 0)
            sql.Append(" WHERE ").AppendJoin(" AND ", where);
        if (indexed)
            sql.Append(" ORDER BY t, rowid");
        return sql.ToString();
    }

    private static string SqlStateIn(int states) =>
        "rowid IN (SELECT id FROM event_attrs WHERE sqlstate IN (" + Marks(states) + "))";

    /// <summary>Every peer in the store, by event id: few events have one.</summary>
    private static Dictionary<long, int> Peers(EventStore store)
    {
        var peers = new Dictionary<long, int>();
        var statement = store.Prepared("SELECT id, peer FROM event_attrs WHERE peer IS NOT NULL");
        try
        {
            while (statement.Step())
                peers[statement.Int64(0)] = (int)statement.Int64(1);
        }
        finally
        {
            statement.Reset();
        }
        return peers;
    }

    private static string Marks(int n) => string.Join(", ", Enumerable.Repeat("?", n));
}
