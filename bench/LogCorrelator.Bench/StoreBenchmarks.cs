using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LogCorrelator.Events;
using LogCorrelator.Gen;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Store;
using LogCorrelator.Time;
using Microsoft.Data.Sqlite;

namespace LogCorrelator.Bench;

/// <summary>
/// The store's hot operations, each against a baseline: inserting one file's events in one
/// transaction into a fresh temp store (baseline: a plain SQLite table through Microsoft.Data.Sqlite,
/// a prepared command with a parameter per column, as the SQLite store's first writer did); loading a
/// kind + time range for the join core (baseline: selecting just the times from an indexed SQLite table);
/// and loading every event of a 500,000-event store with all columns (baseline) or only what a
/// join needs (ids and times), whose Allocated column divided by 500,000 is the bytes per event.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StoreBenchmarks
{
    private const int Inserted = 100_000;
    private const int Stored = 500_000;
    private const long HourMs = 3_600_000;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "logcorr-bench-" + Environment.ProcessId);
    private LogEvent[] _events = [];
    private EventStore? _fresh;
    private EventStore? _loaded;
    private SqliteConnection? _sqlite;
    private SqliteConnection? _freshSqlite;
    private long _from, _to;

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(_dir);
        _events = Events(Inserted, seed: 42);
        _loaded = EventStore.Open(Path.Combine(_dir, "loaded.lcdb"));
        var stored = Events(Stored, seed: 7);
        Insert(_loaded, "loaded.log", stored);
        _sqlite = OpenSqlite(Path.Combine(_dir, "loaded.sqlite"));
        SqliteInsert(_sqlite, stored);
        using (var index = _sqlite.CreateCommand())
        {
            index.CommandText = "CREATE INDEX events_kind_t ON events (kind, t)";
            index.ExecuteNonQuery();
        }
        // Two hours, a day into the events: ~3,000 events, of which ~600 errors.
        _from = CorpusGenerator.Start + 24 * HourMs;
        _to = _from + 2 * HourMs;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _loaded?.Dispose();
        _sqlite?.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [IterationSetup(Targets = [nameof(SqliteParameterInsert), nameof(SourceWriterAdd)])]
    public void OpenFreshStore()
    {
        _fresh = EventStore.Open(Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".lcdb"));
        _freshSqlite = OpenSqlite(Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".sqlite"));
    }

    [IterationCleanup(Targets = [nameof(SqliteParameterInsert), nameof(SourceWriterAdd)])]
    public void DropFreshStore()
    {
        string path = _fresh!.Path;
        _fresh.Dispose();
        File.Delete(path);
        File.Delete(path + ".lock");
        string sqlite = _freshSqlite!.DataSource;
        _freshSqlite.Dispose();
        File.Delete(sqlite);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("insert")]
    public long SqliteParameterInsert() => SqliteInsert(_freshSqlite!, _events);

    private static SqliteConnection OpenSqlite(string path)
    {
        var db = new SqliteConnection($"Data Source={path};Pooling=False");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "CREATE TABLE events (t INTEGER NOT NULL, kind INTEGER NOT NULL, code INTEGER, host INTEGER, off INTEGER NOT NULL, len INTEGER NOT NULL, msg INTEGER NOT NULL, line INTEGER NOT NULL, spid INTEGER)";
        cmd.ExecuteNonQuery();
        return db;
    }

    private static long SqliteInsert(SqliteConnection db, LogEvent[] events)
    {
        using var tx = db.BeginTransaction();
        using var cmd = db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO events(t, kind, code, host, off, len, msg, line, spid) VALUES ($t, $k, $c, $h, $o, $l, $m, $n, $s)";
        var p = new[] { "$t", "$k", "$c", "$h", "$o", "$l", "$m", "$n", "$s" }.Select(n => cmd.Parameters.Add(n, SqliteType.Integer)).ToArray();
        cmd.Prepare();
        foreach (ref readonly var e in events.AsSpan())
        {
            p[0].Value = e.Time;
            p[1].Value = (int)e.Kind;
            p[2].Value = e.Code is int c ? c : DBNull.Value;
            p[3].Value = 1;
            p[4].Value = e.Offset;
            p[5].Value = e.Length;
            p[6].Value = e.MessageOffset;
            p[7].Value = e.Line;
            p[8].Value = e.Spid is int s ? s : DBNull.Value;
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
        return events.Length;
    }

    [Benchmark, BenchmarkCategory("insert")]
    public long SourceWriterAdd() => Insert(_fresh!, "fresh.log", _events);

    [Benchmark(Baseline = true), BenchmarkCategory("load")]
    public long RawSelectTimes()
    {
        using var cmd = _sqlite!.CreateCommand();
        cmd.CommandText = "SELECT t FROM events WHERE kind = $k AND t >= $from AND t <= $to ORDER BY t, rowid";
        cmd.Parameters.AddWithValue("$k", (int)EventKind.Error);
        cmd.Parameters.AddWithValue("$from", _from);
        cmd.Parameters.AddWithValue("$to", _to);
        var times = new List<long>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            times.Add(r.GetInt64(0));
        return times.Count;
    }

    [Benchmark, BenchmarkCategory("load")]
    public long EventStoreLoad() =>
        _loaded!.Load(new EventScan { Kinds = [EventKind.Error], From = _from, To = _to }).Count;

    [Benchmark(Baseline = true), BenchmarkCategory("load-all")]
    public long LoadAllEveryColumn() => _loaded!.Load(new EventScan()).Count;

    [Benchmark, BenchmarkCategory("load-all")]
    public long LoadAllForJoin() => _loaded!.Load(new EventScan { Fields = ColumnSet.None }).Count;

    private static long Insert(EventStore store, string name, LogEvent[] events)
    {
        using var writer = store.BeginSource(Path.Combine(Path.GetTempPath(), name), name, "bench", SourceEncoding.Utf8, 0, 0);
        for (int i = 0; i < events.Length; i++)
            writer.Add(ref events[i]);
        writer.Commit(new SourceClock(null), "APPSRV01", 0);
        return writer.Events;
    }

    /// <summary>
    /// Events as an ingest of a mixed folder makes them: mostly info, a fifth client errors with
    /// codes, a few server-side kinds with peers and spids, 2.4 s apart on average.
    /// </summary>
    private static LogEvent[] Events(int count, long seed)
    {
        var rng = new Rng(seed, 9);
        string[] hosts = ["SQLPROD01", "APPSRV01"];
        string[] peers = ["APPSRV01", "APPSRV02", "10.20.1.77"];
        var events = new LogEvent[count];
        long t = CorpusGenerator.Start, offset = 0;
        for (int i = 0; i < count; i++)
        {
            t += rng.Below(4_800L);
            int roll = rng.Below(100);
            var kind = roll < 75 ? EventKind.Info : roll < 95 ? EventKind.Error : (EventKind)rng.Between(2, 8);
            int length = rng.Between(80, 400);
            events[i] = new LogEvent
            {
                Time = t,
                Kind = kind,
                Code = kind == EventKind.Error ? (rng.Below(4) == 0 ? -2 : 10054) : null,
                Host = hosts[rng.Below(2)],
                Peer = kind is EventKind.Kill or EventKind.LoginFailed ? rng.Pick(peers) : null,
                Spid = kind == EventKind.Kill ? rng.Between(51, 400) : null,
                Offset = offset,
                Length = length,
                Line = i + 1,
                MessageOffset = 36,
                MessageLength = length - 37,
            };
            offset += length;
        }
        return events;
    }
}
