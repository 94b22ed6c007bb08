using System.Globalization;
using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Store.Native;
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
    private readonly Dictionary<string, RawStatement> _prepared = new(StringComparer.Ordinal);

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
        try
        {
            store.CreateOrCheckSchema();
            store.AddMissingColumns();
            store.LoadNames();
        }
        catch
        {
            store.Dispose();
            throw;
        }
        return store;
    }

    private void CreateOrCheckSchema()
    {
        long version = Scalar("PRAGMA user_version");
        bool hasEvents = Scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'events'") > 0;
        if (hasEvents && version != StoreSchema.Version)
        {
            throw new InvalidDataException(
                $"'{Path}' was written by another version of logcorr (store format {version}, this one reads {StoreSchema.Version}): delete it and ingest again");
        }
        Execute(StoreSchema.Create);
        if (!hasEvents)
            Execute($"PRAGMA user_version = {StoreSchema.Version}");
    }

    private long Scalar(string sql)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// For the length of one file's transaction: no fsync and the rollback journal in memory
    /// (see <see cref="SourceWriter"/> for what that trades), and a page cache big enough that a
    /// file's new pages are not spilled mid-transaction.
    /// </summary>
    internal void BeginBulk() => Execute("PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536");

    internal void EndBulk() => Execute("PRAGMA journal_mode = DELETE; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -2000");

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

    internal SourceRecord? SourceById(long id) => QuerySources("WHERE id = $i", ("$i", id)).FirstOrDefault();

    /// <summary>Starts writing one file's events in one transaction; any earlier version of the file is replaced.</summary>
    public SourceWriter BeginSource(string path, string relativePath, string format, SourceEncoding encoding, long size, long modifiedTicks)
        => new(this, System.IO.Path.GetFullPath(path), relativePath, format, encoding, size, modifiedTicks);

    /// <summary>Loads the events a scan selects, sorted by time then id.</summary>
    public EventColumns Load(EventScan scan) => EventLoader.Load(this, scan);

    /// <summary>Reads the full events for display, with their one-line messages from the source files.</summary>
    /// <remarks>One query for all the ids; texts are read in file order, each file opened once.</remarks>
    public IReadOnlyList<StoredEvent> Resolve(IReadOnlyList<long> ids) => EventResolver.Resolve(this, ids);

    /// <summary>A statement prepared once per store and kept: the range loads reuse theirs.</summary>
    internal RawStatement Prepared(string sql)
    {
        if (!_prepared.TryGetValue(sql, out var statement))
            _prepared[sql] = statement = new RawStatement(_db, sql);
        return statement;
    }

    /// <summary>The raw text of an event's entry (all its lines), redacted.</summary>
    public string RawText(long id)
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "SELECT off, len FROM events WHERE rowid = $id";
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        if (!r.Read())
            return "";
        var src = SourceById(EventIds.Source(id));
        if (src is null)
            return "";
        using var text = new SourceTextReader();
        return text.Read(src.Path, src.Encoding, r.GetInt64(0), r.GetInt32(1));
    }

    /// <summary>Events in the store, from the sources' counts (a count(*) would read the whole table).</summary>
    public long CountEvents()
    {
        using var cmd = _db.CreateCommand();
        cmd.CommandText = "SELECT coalesce(sum(events), 0) FROM sources";
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

    public void Dispose()
    {
        foreach (var statement in _prepared.Values)
            statement.Dispose();
        _prepared.Clear();
        _db.Dispose();
    }
}
