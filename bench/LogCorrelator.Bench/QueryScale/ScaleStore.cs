using System.Diagnostics;
using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Gen;
using LogCorrelator.Store;
using Microsoft.Data.Sqlite;

namespace LogCorrelator.Bench.QueryScale;

/// <summary>
/// A store of N events written straight into SQLite with one prepared statement, the indexes built
/// after the rows: 1 in 10 events a client error (70% 10054, 20% -2, 10% 10053), a few thousand
/// server events (one in ten a restart, then kills, failed logins, server errors), the rest info,
/// spread over 30 days. Every event points at one real line of one source file, so showing an
/// event reads real text.
/// </summary>
internal static class ScaleStore
{
    private const long Span = 30L * 24 * 3_600_000;
    private const string Line = "A transport-level error has occurred when receiving results from the server.\n";

    public sealed record Built(string Path, long Events, long Errors10054, long Restarts, double Seconds, long Bytes);

    public static Built Create(string folder, long events, int seed)
    {
        Directory.CreateDirectory(folder);
        string path = System.IO.Path.Combine(folder, $"scale-{events}.lcdb");
        foreach (string suffix in new[] { "", "-wal", "-shm" })
            File.Delete(path + suffix);
        string source = System.IO.Path.Combine(folder, "scale-source.log");
        File.WriteAllText(source, Line, new UTF8Encoding(false));
        var clock = Stopwatch.StartNew();
        long serverEvents = 2_000 + events / 2_000;
        long errors10054 = 0, restarts = 0;
        using (var store = EventStore.Open(path))
        {
            var db = store.Connection;
            Execute(db, "DROP INDEX IF EXISTS events_kind_t; DROP INDEX IF EXISTS events_code_t; DROP INDEX IF EXISTS events_src;");
            Execute(db, $"INSERT INTO sources(id, path, relpath, format, encoding, size, mtime, hash, offset_origin, events, problems, first_t, last_t) "
                + $"VALUES (1, '{source.Replace("'", "''", StringComparison.Ordinal)}', 'scale-source.log', 'bench', 1, {Line.Length}, 0, '', 0, {events}, 0, {CorpusGenerator.Start}, {CorpusGenerator.Start + Span})");
            Execute(db, "INSERT INTO names(id, name) VALUES (1, 'APPSRV01'), (2, 'SQLPROD01')");
            using var tx = db.BeginTransaction();
            using var insert = db.CreateCommand();
            insert.Transaction = tx;
            // The store's layout: rowid = source << 32 + n, msg 0 = the whole entry is the message.
            insert.CommandText = "INSERT INTO events(rowid, t, kind, code, host, off, len, msg, line) VALUES ($id, $t, $k, $c, $h, 0, $l, 0, 1)";
            var id = insert.Parameters.Add("$id", SqliteType.Integer);
            var t = insert.Parameters.Add("$t", SqliteType.Integer);
            var k = insert.Parameters.Add("$k", SqliteType.Integer);
            var c = insert.Parameters.Add("$c", SqliteType.Integer);
            var h = insert.Parameters.Add("$h", SqliteType.Integer);
            insert.Parameters.AddWithValue("$l", Line.Length - 1);
            insert.Prepare();
            var rng = new Rng(seed, 17);
            long step = Span / events;
            for (long i = 0; i < events; i++)
            {
                t.Value = CorpusGenerator.Start + i * step + rng.Below((int)Math.Max(1, step));
                var kind = EventKind.Info;
                object code = DBNull.Value;
                if (rng.Below((int)(events / serverEvents)) == 0)
                {
                    kind = rng.Below(10) switch { 0 => EventKind.Restart, 1 or 2 => EventKind.Kill, 3 or 4 or 5 => EventKind.LoginFailed, _ => EventKind.ServerError };
                    restarts += kind == EventKind.Restart ? 1 : 0;
                    h.Value = 2;
                }
                else if (rng.Below(10) == 0)
                {
                    kind = EventKind.Error;
                    int roll = rng.Below(10);
                    code = roll < 7 ? 10054 : roll < 9 ? -2 : 10053;
                    errors10054 += roll < 7 ? 1 : 0;
                    h.Value = 1;
                }
                else
                {
                    h.Value = 1;
                }
                id.Value = (1L << 32) + i + 1;
                k.Value = (int)kind;
                c.Value = code;
                insert.ExecuteNonQuery();
            }
            tx.Commit();
        }
        // Reopening creates the indexes again, over the whole table at once.
        using (var store = EventStore.Open(path))
            Execute(store.Connection, "ANALYZE");
        return new Built(path, events, errors10054, restarts, clock.Elapsed.TotalSeconds, new FileInfo(path).Length);
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
