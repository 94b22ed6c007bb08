using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Store.Native;
using LogCorrelator.Time;
using Microsoft.Data.Sqlite;

namespace LogCorrelator.Store;

/// <summary>
/// Writes one source's events inside one transaction: until <see cref="Commit"/> nothing of the
/// file is visible, so an interrupted ingest leaves the store as it was.
/// </summary>
/// <remarks>
/// The hot path binds numbers straight into a prepared 32-row INSERT (<see cref="RawStatement"/>):
/// no parameter objects, no boxing, one statement step per 32 events. While the file is written
/// the store runs with <c>synchronous = OFF</c> and its rollback journal in memory
/// (<see cref="EventStore.BeginBulk"/>): a rollback (Ctrl+C, an error) still removes the whole
/// file, but a power loss or a killed process in the middle of a file can leave the store
/// unreadable, to be deleted and ingested again; the logs themselves are never written.
/// </remarks>
public sealed class SourceWriter : IEventSink, IDisposable
{
    private const int BatchRows = 32;

    private readonly EventStore _store;
    private readonly SqliteTransaction _tx;
    private readonly RawStatement _insertBatch;
    private readonly RawStatement _insertOne;
    private readonly RawStatement _insertFirst;
    private readonly RawStatement _insertAttributes;
    private readonly EventRow[] _rows = new EventRow[BatchRows];
    // Per row slot of each statement: which optional columns hold a bound NULL (fresh statements bind NULL everywhere).
    private readonly int[] _batchNulls = new int[BatchRows];
    private int _oneNulls;
    private readonly long _sourceId;
    private int _pending;
    private string? _lastHost;
    private long _lastHostId;
    private bool _done;

    internal SourceWriter(EventStore store, string path, string relativePath, string format, SourceEncoding encoding, long size, long mtime)
    {
        _store = store;
        store.BeginBulk();
        _tx = store.Connection.BeginTransaction();
        try
        {
            using (var old = Command("SELECT id FROM sources WHERE path = $p"))
            {
                old.Parameters.AddWithValue("$p", path);
                if (old.ExecuteScalar() is long oldId)
                {
                    using var del = Command("""
                        DELETE FROM events WHERE rowid BETWEEN $lo AND $hi;
                        DELETE FROM event_attrs WHERE id BETWEEN $lo AND $hi;
                        DELETE FROM sources WHERE id = $s
                        """);
                    del.Parameters.AddWithValue("$lo", EventIds.First(oldId));
                    del.Parameters.AddWithValue("$hi", EventIds.Last(oldId));
                    del.Parameters.AddWithValue("$s", oldId);
                    del.ExecuteNonQuery();
                }
            }
            using (var add = Command("""
                INSERT INTO sources(path, relpath, format, encoding, size, mtime, hash, offset_origin, events, problems)
                VALUES ($p, $r, $f, $e, $s, $m, '', 0, 0, 0) RETURNING id
                """))
            {
                add.Parameters.AddWithValue("$p", path);
                add.Parameters.AddWithValue("$r", relativePath);
                add.Parameters.AddWithValue("$f", format);
                add.Parameters.AddWithValue("$e", (int)encoding);
                add.Parameters.AddWithValue("$s", size);
                add.Parameters.AddWithValue("$m", mtime);
                _sourceId = (long)add.ExecuteScalar()!;
            }
            _insertBatch = new RawStatement(store.Connection, InsertSql(BatchRows));
            _insertOne = new RawStatement(store.Connection, InsertSql(1));
            _insertAttributes = new RawStatement(store.Connection, "INSERT INTO event_attrs(id, sqlstate, peer, port, count, extra) VALUES (?, ?, ?, ?, ?, ?)");
            _insertFirst = new RawStatement(store.Connection, $"INSERT INTO events(rowid, {EventRow.InsertColumns}) VALUES ($id, {Marks(EventRow.Columns)})");
            Array.Fill(_batchNulls, -1);
            _oneNulls = -1;
        }
        catch
        {
            _insertBatch?.Dispose();
            _insertOne?.Dispose();
            _insertAttributes?.Dispose();
            _tx.Rollback();
            _tx.Dispose();
            store.EndBulk();
            throw;
        }
    }

    public long Events { get; private set; }
    public long? First { get; private set; }
    public long? Last { get; private set; }

    public void Add(ref LogEvent e)
    {
        if (Events == uint.MaxValue)
            throw new InvalidOperationException("a source holds at most 2^32 - 1 events");
        ref var row = ref _rows[_pending];
        row.Time = e.Time;
        row.Kind = (long)e.Kind;
        row.Code = e.Code ?? EventRow.None;
        row.Host = HostId(e.Host);
        row.Offset = e.Offset;
        row.Length = e.Length;
        row.Message = MessageSpan.Encode(e.Length, e.MessageOffset, e.MessageLength);
        row.Line = e.Line;
        row.Spid = e.Spid ?? EventRow.None;
        if (e.SqlState is not null || e.Peer is not null || e.Port is not null || e.Count is not null || e.Extra is not null)
            InsertAttributes(ref e, EventIds.First(_sourceId) + Events);
        if (Events == 0)
            InsertFirst(ref row);
        else if (++_pending == BatchRows)
            Flush();
        Events++;
        // A source's time range is that of its events with a time; text that carried none has no place in it.
        if (EventTime.IsKnown(e.Time))
        {
            First = First is long f ? Math.Min(f, e.Time) : e.Time;
            Last = Last is long l ? Math.Max(l, e.Time) : e.Time;
        }
    }

    /// <summary>The rare attributes go to their own table, under the id SQLite will give the event.</summary>
    private void InsertAttributes(ref LogEvent e, long id)
    {
        _insertAttributes.Bind(1, id);
        _insertAttributes.Bind(2, e.SqlState);
        _insertAttributes.Bind(3, e.Peer is null ? EventRow.None : _store.NameId(e.Peer, _tx), EventRow.None);
        _insertAttributes.Bind(4, e.Port ?? EventRow.None, EventRow.None);
        _insertAttributes.Bind(5, e.Count ?? EventRow.None, EventRow.None);
        _insertAttributes.Bind(6, e.Extra is null ? null : Text.Redactor.Redact(e.Extra));
        _insertAttributes.Execute();
    }

    /// <summary>The source's first event names its rowid; SQLite numbers the others after it.</summary>
    private void InsertFirst(ref EventRow row)
    {
        int nulls = -1;
        _insertFirst.Bind(1, EventIds.First(_sourceId));
        row.BindTo(_insertFirst, 2, ref nulls);
        _insertFirst.Execute();
        row = default;
    }

    private void Flush()
    {
        if (_pending == BatchRows)
        {
            for (int i = 0; i < BatchRows; i++)
                _rows[i].BindTo(_insertBatch, 1 + i * EventRow.Columns, ref _batchNulls[i]);
            _insertBatch.Execute();
        }
        else
        {
            for (int i = 0; i < _pending; i++)
            {
                _rows[i].BindTo(_insertOne, 1, ref _oneNulls);
                _insertOne.Execute();
            }
        }
        // The strings are the ingester's; do not keep them alive past the batch.
        Array.Clear(_rows, 0, _pending);
        _pending = 0;
    }

    private long HostId(string? host)
    {
        if (host is null)
            return EventRow.None;
        if (!ReferenceEquals(host, _lastHost))
        {
            _lastHost = host;
            _lastHostId = _store.NameId(host, _tx);
        }
        return _lastHostId;
    }

    /// <summary>Makes the file's events visible, with what was learned about its clock and host.</summary>
    public void Commit(string hash, SourceClock clock, string? host, int problems)
    {
        Flush();
        // The attributes were filed under the ids SQLite was expected to give; make sure it did.
        using (var last = Command("SELECT max(rowid) FROM events"))
        {
            long expected = EventIds.First(_sourceId) + Events - 1;
            if (Events > 0 && last.ExecuteScalar() is long id && id != expected)
                throw new InvalidOperationException($"the store numbered this source's events up to {id}, expected {expected}");
        }
        using var upd = Command("""
            UPDATE sources SET hash = $h, offset_origin = $o, zone = $z, host = $host, events = $n, problems = $pr,
                first_t = $f, last_t = $l, time_note = $tn WHERE id = $id
            """);
        upd.Parameters.AddWithValue("$h", hash);
        upd.Parameters.AddWithValue("$o", (int)clock.Origin);
        upd.Parameters.AddWithValue("$z", (object?)clock.Zone?.Text ?? DBNull.Value);
        upd.Parameters.AddWithValue("$host", (object?)host ?? DBNull.Value);
        upd.Parameters.AddWithValue("$n", Events);
        upd.Parameters.AddWithValue("$pr", problems);
        upd.Parameters.AddWithValue("$f", (object?)First ?? DBNull.Value);
        upd.Parameters.AddWithValue("$l", (object?)Last ?? DBNull.Value);
        upd.Parameters.AddWithValue("$tn", (object?)clock.TimeNote ?? DBNull.Value);
        upd.Parameters.AddWithValue("$id", _sourceId);
        upd.ExecuteNonQuery();
        _tx.Commit();
        _done = true;
    }

    private static string InsertSql(int rows)
    {
        var sql = new StringBuilder("INSERT INTO events(").Append(EventRow.InsertColumns).Append(") VALUES ");
        string one = "(" + Marks(EventRow.Columns) + ")";
        for (int i = 0; i < rows; i++)
            sql.Append(i > 0 ? ", " : "").Append(one);
        return sql.ToString();
    }

    private static string Marks(int n) => string.Join(", ", Enumerable.Repeat("?", n));

    private SqliteCommand Command(string sql)
    {
        var cmd = _store.Connection.CreateCommand();
        cmd.Transaction = _tx;
        cmd.CommandText = sql;
        return cmd;
    }

    /// <summary>Without a commit, the file's events are rolled back.</summary>
    public void Dispose()
    {
        _insertBatch.Dispose();
        _insertOne.Dispose();
        _insertFirst.Dispose();
        _insertAttributes.Dispose();
        if (!_done)
        {
            _tx.Rollback();
            _store.ReloadNames();
        }
        _tx.Dispose();
        _store.EndBulk();
    }
}
