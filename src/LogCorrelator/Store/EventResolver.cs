using System.Globalization;
using System.Text;
using LogCorrelator.Events;

namespace LogCorrelator.Store;

/// <summary>
/// Reads events back for display: every row in one query (the ids travel as one JSON array), then
/// the messages from the source files in file order, so each file is opened once and read forwards.
/// </summary>
internal static class EventResolver
{
    private const string Sql = """
        SELECT e.rowid, e.t, e.kind, e.code, a.sqlstate, e.host, a.peer, e.spid, a.port, a.count, e.off, e.len, e.msg, e.line, a.extra
        FROM events e LEFT JOIN event_attrs a ON a.id = e.rowid
        WHERE e.rowid IN (SELECT value FROM json_each($ids))
        """;

    public static IReadOnlyList<StoredEvent> Resolve(EventStore store, IReadOnlyList<long> ids)
    {
        var result = new StoredEvent[ids.Count];
        if (ids.Count == 0)
            return result;
        var rows = ReadRows(store, ids);
        var order = new int[ids.Count];
        for (int i = 0; i < order.Length; i++)
        {
            if (!rows.ContainsKey(ids[i]))
                throw new InvalidOperationException($"event {ids[i]} is not in the store");
            order[i] = i;
        }
        // File order: by source (the id's high half), then by offset.
        Array.Sort(order, (a, b) =>
        {
            int bySource = EventIds.Source(ids[a]).CompareTo(EventIds.Source(ids[b]));
            return bySource != 0 ? bySource : rows[ids[a]].Offset.CompareTo(rows[ids[b]].Offset);
        });
        var sources = store.Sources().ToDictionary(s => s.Id);
        using var text = new SourceTextReader();
        foreach (int i in order)
        {
            long id = ids[i];
            var row = rows[id];
            var src = sources[EventIds.Source(id)];
            var (moff, mlen) = MessageSpan.Decode(row.Message, row.Length);
            string message = text.Read(src.Path, src.Encoding, row.Offset + moff, mlen, src.MessageIsJsonString);
            result[i] = new StoredEvent(id, EventTime.IsKnown(row.Time) ? DateTimeOffset.FromUnixTimeMilliseconds(row.Time) : null, row.Kind, row.Code, row.SqlState,
                store.Name(row.Host), store.Name(row.Peer), row.Spid, row.Port, row.Count, message, src.Path, row.Line, row.Extra);
        }
        return result;
    }

    private static Dictionary<long, Row> ReadRows(EventStore store, IReadOnlyList<long> ids)
    {
        var json = new StringBuilder(ids.Count * 12).Append('[');
        for (int i = 0; i < ids.Count; i++)
            json.Append(i > 0 ? "," : "").Append(ids[i].ToString(CultureInfo.InvariantCulture));
        json.Append(']');
        using var cmd = store.Connection.CreateCommand();
        cmd.CommandText = Sql;
        cmd.Parameters.AddWithValue("$ids", json.ToString());
        var rows = new Dictionary<long, Row>(ids.Count);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            long id = r.GetInt64(0);
            rows[id] = new Row(
                r.GetInt64(1), (EventKind)r.GetInt32(2),
                r.IsDBNull(3) ? null : r.GetInt32(3),
                r.IsDBNull(4) ? null : r.GetString(4),
                r.IsDBNull(5) ? 0 : r.GetInt32(5),
                r.IsDBNull(6) ? 0 : r.GetInt32(6),
                r.IsDBNull(7) ? null : r.GetInt32(7),
                r.IsDBNull(8) ? null : r.GetInt32(8),
                r.IsDBNull(9) ? null : r.GetInt32(9),
                r.GetInt64(10), r.GetInt32(11), r.GetInt64(12),
                r.GetInt32(13),
                r.IsDBNull(14) ? null : r.GetString(14));
        }
        return rows;
    }

    private sealed record Row(long Time, EventKind Kind, int? Code, string? SqlState, int Host, int Peer, int? Spid, int? Port,
        int? Count, long Offset, int Length, long Message, int Line, string? Extra);
}
