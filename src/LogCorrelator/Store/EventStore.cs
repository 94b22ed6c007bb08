using System.Globalization;
using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Time;
using Microsoft.Data.Sqlite;

namespace LogCorrelator.Store;

/// <summary>
/// The embedded store: one SQLite file of lean event rows and the sources they point into.
/// Every statement takes parameters; nothing user-typed is concatenated into SQL.
/// </summary>
public sealed class EventStore : IDisposable
{
    public const string DefaultFileName = "logcorr.lcdb";

    private readonly SqliteConnection _db;
    private readonly Dictionary<string, int> _nameIds = new(StringComparer.Ordinal);
    private readonly List<string?> _names = [null];

    private EventStore(string path, SqliteConnection db)
    {
        Path = path;
        _db = db;
    }

    public string Path { get; }

    internal SqliteConnection Connection => _db;

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/>.</summary>
    public static EventStore Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString());
        db.Open();
        var store = new EventStore(full, db);
        store.Execute(StoreSchema.Create);
        store.AddMissingColumns();
        store.LoadNames();
        return store;
    }

    /// <summary>Opens an existing store read-only in spirit; a missing file is the caller's error to report.</summary>
    public static bool Exists(string path) => File.Exists(path);

    /// <summary>A store made by an earlier build lacks later columns: add them, empty.</summary>
    private void AddMissingColumns()
    {
        foreach (var (table, column, type) in StoreSchema.AddedColumns)
        {
            using var cmd = _db.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM pragma_table_info($t) WHERE name = $c";
            cmd.Parameters.AddWithValue("$t", table);
            cmd.Parameters.AddWithValue("$c", column);
            if ((long)cmd.ExecuteScalar()! == 0)
                Execute($"ALTER TABLE {table} ADD COLUMN {column} {type}");
        }
    }

    private void LoadNames()
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "SELECT id, name FROM names ORDER BY id";
        using var r = cmd.ExecuteReader();
        while (r.Read())
            Remember(r.GetInt32(0), r.GetString(1));
    }

    private void Remember(int id, string name)
    {
        while (_names.Count <= id)
            _names.Add(null);
        _names[id] = name;
        _nameIds[name] = id;
    }

    /// <summary>The id of a host/peer name, creating it. 0 means no name.</summary>
    internal int NameId(string? name, SqliteTransaction tx)
    {
        if (name is null)
            return 0;
        if (_nameIds.TryGetValue(name, out int id))
            return id;
        using var cmd = _db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO names(name) VALUES ($n) RETURNING id";
        cmd.Parameters.AddWithValue("$n", name);
        id = Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        Remember(id, name);
        return id;
    }

    /// <summary>Forgets names created by a rolled-back transaction.</summary>
    internal void ReloadNames()
    {
        _nameIds.Clear();
        _names.Clear();
        _names.Add(null);
        LoadNames();
    }

    /// <summary>The name for an id; null for 0 or unknown.</summary>
    public string? Name(int id) => id > 0 && id < _names.Count ? _names[id] : null;

    /// <summary>The id of an existing name, or -1 when no event has it.</summary>
    public int FindName(string name) =>
        _nameIds.TryGetValue(name, out int id) ? id
        : _nameIds.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } m ? m.Value : -1;

    public SourceRecord? FindSource(string path) =>
        QuerySources("WHERE path = $p", ("$p", System.IO.Path.GetFullPath(path))).FirstOrDefault();

    public IReadOnlyList<SourceRecord> Sources() => QuerySources("ORDER BY relpath, path");

    /// <summary>Starts writing one file's events in one transaction; any earlier version of the file is replaced.</summary>
    public SourceWriter BeginSource(string path, string relativePath, string format, SourceEncoding encoding, long size, long modifiedTicks)
        => new(this, System.IO.Path.GetFullPath(path), relativePath, format, encoding, size, modifiedTicks);

    /// <summary>Loads the events a scan selects, sorted by time then id.</summary>
    public EventColumns Load(EventScan scan)
    {
        using var cmd = _db.CreateCommand();
        var where = new List<string>();
        if (scan.Kinds is { Count: > 0 } kinds)
            where.Add("kind IN (" + Params(cmd, "$k", kinds.Select(k => (object)(int)k)) + ")");
        var codeParts = new List<string>();
        if (scan.Codes is { Count: > 0 } codes)
            codeParts.Add("code IN (" + Params(cmd, "$c", codes.Select(c => (object)c)) + ")");
        if (scan.SqlStates is { Count: > 0 } states)
            codeParts.Add("sqlstate IN (" + Params(cmd, "$s", states.Select(s => (object)s)) + ")");
        if (codeParts.Count > 0)
            where.Add("(" + string.Join(" OR ", codeParts) + ")");
        if (scan.From is long from)
        {
            where.Add("t >= $from");
            cmd.Parameters.AddWithValue("$from", from);
        }
        if (scan.To is long to)
        {
            where.Add("t <= $to");
            cmd.Parameters.AddWithValue("$to", to);
        }
        cmd.CommandText = "SELECT rowid, t, kind, code, host, peer, spid FROM events"
            + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "")
            + " ORDER BY t, rowid";
        var cols = new EventColumns(64);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            cols.Add(r.GetInt64(0), r.GetInt64(1), (EventKind)r.GetInt32(2),
                r.IsDBNull(3) ? EventColumns.None : r.GetInt32(3),
                r.IsDBNull(4) ? 0 : r.GetInt32(4),
                r.IsDBNull(5) ? 0 : r.GetInt32(5),
                r.IsDBNull(6) ? EventColumns.None : r.GetInt32(6));
        }
        return cols;
    }

    /// <summary>Reads the full events for display, with their one-line messages from the source files.</summary>
    public IReadOnlyList<StoredEvent> Resolve(IReadOnlyList<long> ids)
    {
        var result = new StoredEvent[ids.Count];
        if (ids.Count == 0)
            return result;
        var sources = Sources().ToDictionary(s => s.Id);
        using var text = new SourceTextReader();
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "SELECT t, kind, code, sqlstate, host, peer, spid, port, count, src, off, len, line, moff, mlen, extra FROM events WHERE rowid = $id";
        var idParam = cmd.Parameters.Add("$id", SqliteType.Integer);
        cmd.Prepare();
        for (int i = 0; i < ids.Count; i++)
        {
            idParam.Value = ids[i];
            using var r = cmd.ExecuteReader();
            if (!r.Read())
                throw new InvalidOperationException($"event {ids[i]} is not in the store");
            var src = sources[r.GetInt64(9)];
            long off = r.GetInt64(10);
            string message = text.Read(src.Path, src.Encoding, off + r.GetInt64(13), r.GetInt32(14), src.MessageIsJsonString);
            result[i] = new StoredEvent(
                ids[i],
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(0)),
                (EventKind)r.GetInt32(1),
                r.IsDBNull(2) ? null : r.GetInt32(2),
                r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : Name(r.GetInt32(4)),
                r.IsDBNull(5) ? null : Name(r.GetInt32(5)),
                r.IsDBNull(6) ? null : r.GetInt32(6),
                r.IsDBNull(7) ? null : r.GetInt32(7),
                r.IsDBNull(8) ? null : r.GetInt32(8),
                message,
                src.Path,
                r.GetInt32(12),
                r.IsDBNull(15) ? null : r.GetString(15));
        }
        return result;
    }

    /// <summary>The raw text of an event's entry (all its lines), redacted.</summary>
    public string RawText(long id)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "SELECT src, off, len FROM events WHERE rowid = $id";
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        if (!r.Read())
            return "";
        var src = QuerySources("WHERE id = $i", ("$i", r.GetInt64(0))).Single();
        using var text = new SourceTextReader();
        return text.Read(src.Path, src.Encoding, r.GetInt64(1), r.GetInt32(2));
    }

    public long CountEvents()
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM events";
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>The newest event time in the store (for <c>last 2h</c>), or null when empty.</summary>
    public long? NewestTime()
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "SELECT max(last_t) FROM sources";
        return cmd.ExecuteScalar() is long t ? t : null;
    }

    internal void Execute(string sql, SqliteTransaction? tx = null)
    {
        using var cmd = _db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
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

    private List<SourceRecord> QuerySources(string tail, params (string Name, object Value)[] args)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "SELECT id, path, relpath, format, encoding, size, mtime, hash, offset_origin, zone, host, events, problems, first_t, last_t, time_note FROM sources " + tail;
        foreach (var (name, value) in args)
            cmd.Parameters.AddWithValue(name, value);
        var list = new List<SourceRecord>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(new SourceRecord(
                r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), (SourceEncoding)r.GetInt32(4),
                r.GetInt64(5), r.GetInt64(6), r.GetString(7), (OffsetOrigin)r.GetInt32(8),
                r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10),
                r.GetInt64(11), r.GetInt32(12),
                r.IsDBNull(13) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(13)),
                r.IsDBNull(14) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(14)),
                r.IsDBNull(15) ? null : r.GetString(15)));
        }
        return list;
    }

    public void Dispose() => _db.Dispose();
}
