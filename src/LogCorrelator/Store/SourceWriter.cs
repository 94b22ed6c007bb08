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
    private readonly EventRow[] _rows = new EventRow[BatchRows];
    private readonly long _sourceId;
    private int _pending;
    private long _lastId;
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
                    using var del = Command("DELETE FROM events WHERE rowid BETWEEN $lo AND $hi; DELETE FROM sources WHERE id = $s");
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
            _lastId = EventIds.First(_sourceId);
            _insertBatch = new RawStatement(store.Connection, InsertSql(BatchRows));
            _insertOne = new RawStatement(store.Connection, InsertSql(1));
        }
        catch
        {
            _insertBatch?.Dispose();
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
        long id = EventIds.Next(_sourceId, _lastId, e.Line);
        _lastId = id;
        ref var row = ref _rows[_pending];
        row.Id = id;
        row.Time = e.Time;
        row.Kind = (long)e.Kind;
        row.Code = e.Code ?? EventRow.None;
        row.Host = HostId(e.Host);
        row.Offset = e.Offset;
        row.Length = e.Length;
        row.Message = MessageSpan.Encode(e.Length, e.MessageOffset, e.MessageLength);
        row.Line = EventIds.LineImplied(id, e.Line) ? EventRow.None : e.Line;
        row.Spid = e.Spid ?? EventRow.None;
        row.Peer = e.Peer is null ? EventRow.None : _store.NameId(e.Peer, _tx);
        row.SqlState = e.SqlState;
        row.Port = e.Port ?? EventRow.None;
        row.Count = e.Count ?? EventRow.None;
        row.Extra = e.Extra is null ? null : Text.Redactor.Redact(e.Extra);
        if (++_pending == BatchRows)
            Flush();
        Events++;
        First = First is long f ? Math.Min(f, e.Time) : e.Time;
        Last = Last is long l ? Math.Max(l, e.Time) : e.Time;
    }

    private void Flush()
    {
        if (_pending == BatchRows)
        {
            for (int i = 0; i < BatchRows; i++)
                _rows[i].BindTo(_insertBatch, 1 + i * EventRow.Columns);
            _insertBatch.Execute();
        }
        else
        {
            for (int i = 0; i < _pending; i++)
            {
                _rows[i].BindTo(_insertOne, 1);
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
        using var upd = Command("""
            UPDATE sources SET hash = $h, offset_origin = $o, zone = $z, host = $host, events = $n, problems = $pr,
                first_t = $f, last_t = $l WHERE id = $id
            """);
        upd.Parameters.AddWithValue("$h", hash);
        upd.Parameters.AddWithValue("$o", (int)clock.Origin);
        upd.Parameters.AddWithValue("$z", (object?)clock.Zone?.Text ?? DBNull.Value);
        upd.Parameters.AddWithValue("$host", (object?)host ?? DBNull.Value);
        upd.Parameters.AddWithValue("$n", Events);
        upd.Parameters.AddWithValue("$pr", problems);
        upd.Parameters.AddWithValue("$f", (object?)First ?? DBNull.Value);
        upd.Parameters.AddWithValue("$l", (object?)Last ?? DBNull.Value);
        upd.Parameters.AddWithValue("$id", _sourceId);
        upd.ExecuteNonQuery();
        _tx.Commit();
        _done = true;
    }

    private static string InsertSql(int rows)
    {
        var sql = new StringBuilder("INSERT INTO events(").Append(EventRow.InsertColumns).Append(") VALUES ");
        string one = "(" + string.Join(", ", Enumerable.Repeat("?", EventRow.Columns)) + ")";
        for (int i = 0; i < rows; i++)
            sql.Append(i > 0 ? ", " : "").Append(one);
        return sql.ToString();
    }

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
        if (!_done)
        {
            _tx.Rollback();
            _store.ReloadNames();
        }
        _tx.Dispose();
        _store.EndBulk();
    }
}
