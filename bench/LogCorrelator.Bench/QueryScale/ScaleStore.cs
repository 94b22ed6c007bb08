using System.Diagnostics;
using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Gen;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Store;
using LogCorrelator.Time;
using Microsoft.Data.Sqlite;

namespace LogCorrelator.Bench.QueryScale;

/// <summary>
/// A store of N events written through the store's own writer (<see cref="SourceWriter"/>, the
/// ingest's path): 1 in 10 events a client error (70% 10054, 20% -2, 10% 10053), a few thousand
/// server events (one in ten a restart, then kills, failed logins, server errors), the rest info,
/// spread over 30 days. Every event points at one real line of one source file, so showing an
/// event reads real text. The same events also go into a plain SQLite table with (kind, t) and
/// (code, t) indexes: the baseline a DBA would write.
/// </summary>
internal static class ScaleStore
{
    private const long Span = 30L * 24 * 3_600_000;
    private const string Line = "A transport-level error has occurred when receiving results from the server.\n";

    public sealed record Built(string Path, string Baseline, long Events, long Errors10054, long Restarts, double Seconds, long Bytes);

    public static Built Create(string folder, long events, int seed)
    {
        Directory.CreateDirectory(folder);
        string path = System.IO.Path.Combine(folder, $"scale-{events}.lcdb");
        string baseline = System.IO.Path.Combine(folder, $"scale-{events}.sqlite");
        foreach (string file in new[] { path, path + ".lock", path.Replace(".lcdb", "-log.lcdb", StringComparison.Ordinal), baseline })
            File.Delete(file);
        string source = System.IO.Path.Combine(folder, "scale-source.log");
        File.WriteAllText(source, Line, new UTF8Encoding(false));
        long serverEvents = 2_000 + events / 2_000;
        long errors10054 = 0, restarts = 0;
        var clock = Stopwatch.StartNew();
        using (var store = EventStore.Open(path))
        using (var writer = store.BeginSource(source, "scale-source.log", "bench", SourceEncoding.Utf8, Line.Length, 0))
        {
            var rng = new Rng(seed, 17);
            long step = Span / events;
            var e = new LogEvent();
            for (long i = 0; i < events; i++)
            {
                e.Clear();
                e.Time = CorpusGenerator.Start + i * step + rng.Below((int)Math.Max(1, step));
                e.Kind = EventKind.Info;
                e.Host = "APPSRV01";
                e.Length = Line.Length - 1;
                e.MessageLength = Line.Length - 1;
                e.Line = 1;
                if (rng.Below((int)(events / serverEvents)) == 0)
                {
                    e.Kind = rng.Below(10) switch { 0 => EventKind.Restart, 1 or 2 => EventKind.Kill, 3 or 4 or 5 => EventKind.LoginFailed, _ => EventKind.ServerError };
                    restarts += e.Kind == EventKind.Restart ? 1 : 0;
                    e.Host = "SQLPROD01";
                }
                else if (rng.Below(10) == 0)
                {
                    e.Kind = EventKind.Error;
                    int roll = rng.Below(10);
                    e.Code = roll < 7 ? 10054 : roll < 9 ? -2 : 10053;
                    errors10054 += roll < 7 ? 1 : 0;
                }
                writer.Add(ref e);
            }
            writer.Commit(new SourceClock(null), null, 0);
        }
        double seconds = clock.Elapsed.TotalSeconds;
        WriteBaseline(path, baseline);
        return new Built(path, baseline, events, errors10054, restarts, seconds, new FileInfo(path).Length);
    }

    /// <summary>The same events in one SQLite table, indexed as a person would for this question.</summary>
    private static void WriteBaseline(string store, string baseline)
    {
        using var events = EventStore.OpenRead(store);
        var all = events.Load(new EventScan { Fields = ColumnSet.Kind | ColumnSet.Code });
        using var db = new SqliteConnection($"Data Source={baseline};Pooling=False");
        db.Open();
        Execute(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; CREATE TABLE events (id INTEGER PRIMARY KEY, t INTEGER, kind INTEGER, code INTEGER)");
        using (var tx = db.BeginTransaction())
        using (var insert = db.CreateCommand())
        {
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO events(id, t, kind, code) VALUES ($id, $t, $k, $c)";
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var t = insert.Parameters.Add("$t", SqliteType.Integer);
            var k = insert.Parameters.Add("$k", SqliteType.Integer);
            var c = insert.Parameters.Add("$c", SqliteType.Integer);
            insert.Prepare();
            for (int i = 0; i < all.Count; i++)
            {
                id.Value = all.Id[i];
                t.Value = all.Time[i];
                k.Value = (int)all.Kind[i];
                c.Value = all.Code[i] == EventSet.None ? DBNull.Value : all.Code[i];
                insert.ExecuteNonQuery();
            }
            tx.Commit();
        }
        Execute(db, "CREATE INDEX events_kind_t ON events (kind, t); CREATE INDEX events_code_t ON events (code, t); ANALYZE");
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
