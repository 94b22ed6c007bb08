using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Time;
using Microsoft.Data.Sqlite;

namespace LogCorrelator.Store;

/// <summary>
/// Writes one source's events inside one transaction: until <see cref="Commit"/> nothing of the
/// file is visible, so an interrupted ingest leaves the store as it was.
/// </summary>
public sealed class SourceWriter : IEventSink, IDisposable
{
    private readonly EventStore _store;
    private readonly SqliteTransaction _tx;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter[] _p;
    private readonly string _path, _relativePath, _format;
    private readonly SourceEncoding _encoding;
    private readonly long _size, _mtime;
    private readonly long _sourceId;
    private string? _lastHost;
    private int _lastHostId;
    private bool _done;

    internal SourceWriter(EventStore store, string path, string relativePath, string format, SourceEncoding encoding, long size, long mtime)
    {
        _store = store;
        _path = path;
        _relativePath = relativePath;
        _format = format;
        _encoding = encoding;
        _size = size;
        _mtime = mtime;
        _tx = store.Connection.BeginTransaction();

        using (var old = Command("SELECT id FROM sources WHERE path = $p"))
        {
            old.Parameters.AddWithValue("$p", path);
            if (old.ExecuteScalar() is long oldId)
            {
                using var del = Command("DELETE FROM events WHERE src = $s; DELETE FROM sources WHERE id = $s");
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

        _insert = Command("""
            INSERT INTO events(t, kind, code, sqlstate, host, peer, spid, port, count, src, off, len, line, moff, mlen, extra)
            VALUES ($t, $k, $c, $q, $h, $pe, $sp, $po, $n, $src, $o, $l, $ln, $mo, $ml, $x)
            """);
        string[] names = ["$t", "$k", "$c", "$q", "$h", "$pe", "$sp", "$po", "$n", "$src", "$o", "$l", "$ln", "$mo", "$ml", "$x"];
        _p = names.Select(n => _insert.Parameters.Add(n, SqliteType.Integer)).ToArray();
        _p[3].SqliteType = SqliteType.Text;
        _p[15].SqliteType = SqliteType.Text;
        _p[9].Value = _sourceId;
        _insert.Prepare();
    }

    public long Events { get; private set; }
    public long? First { get; private set; }
    public long? Last { get; private set; }

    public void Add(ref LogEvent e)
    {
        _p[0].Value = e.Time;
        _p[1].Value = (int)e.Kind;
        _p[2].Value = e.Code is int c ? c : DBNull.Value;
        _p[3].Value = (object?)e.SqlState ?? DBNull.Value;
        _p[4].Value = HostId(e.Host) is int h and > 0 ? h : DBNull.Value;
        _p[5].Value = e.Peer is null ? DBNull.Value : _store.NameId(e.Peer, _tx);
        _p[6].Value = e.Spid is int s ? s : DBNull.Value;
        _p[7].Value = e.Port is int po ? po : DBNull.Value;
        _p[8].Value = e.Count is int n ? n : DBNull.Value;
        _p[10].Value = e.Offset;
        _p[11].Value = e.Length;
        _p[12].Value = e.Line;
        _p[13].Value = e.MessageOffset;
        _p[14].Value = e.MessageLength;
        _p[15].Value = e.Extra is null ? DBNull.Value : Text.Redactor.Redact(e.Extra);
        _insert.ExecuteNonQuery();
        Events++;
        First = First is long f ? Math.Min(f, e.Time) : e.Time;
        Last = Last is long l ? Math.Max(l, e.Time) : e.Time;
    }

    private int HostId(string? host)
    {
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
        _insert.Dispose();
        if (!_done)
        {
            _tx.Rollback();
            _store.ReloadNames();
        }
        _tx.Dispose();
    }
}
