using System.Diagnostics;
using System.Globalization;
using System.Text;
using LogCorrelator.Query;
using LogCorrelator.Store;

namespace LogCorrelator.Bench.QueryScale;

/// <summary>
/// <c>query-scale [SIZES...] [--out FILE] [--keep]</c>: for each size (1M, 3M, 10M by default) builds a store
/// (<see cref="ScaleStore"/>) and times, warm, <c>errors 10054 near restart within 5m</c> through the
/// engine (the whole answer, events resolved; and <c>| count</c>, scan and join only) against the
/// same join as one SQL statement in SQLite over the same events (a plain indexed table), in the same run. Prints a Markdown table.
/// </summary>
internal static class QueryScaleRun
{
    private const string Query = "errors 10054 near restart within 5m";
    private const int Runs = 5;

    private const string JoinSql = """
        SELECT a.id, a.t, b.id, b.t FROM events a
        JOIN events b ON b.kind = 2 AND b.t BETWEEN a.t - 300000 AND a.t + 300000
        WHERE a.kind = 1 AND a.code = 10054
        ORDER BY a.t, a.id
        """;

    private const string CountSql = """
        SELECT count(DISTINCT a.id) FROM events a
        JOIN events b ON b.kind = 2 AND b.t BETWEEN a.t - 300000 AND a.t + 300000
        WHERE a.kind = 1 AND a.code = 10054
        """;

    public static int Run(string[] args)
    {
        string? output = null;
        bool keep = false;
        var sizes = new List<long>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--out" && i + 1 < args.Length)
                output = args[++i];
            else if (args[i] == "--keep")
                keep = true;
            else
                sizes.Add(Size(args[i]));
        }
        if (sizes.Count == 0)
            sizes.AddRange([1_000_000, 3_000_000, 10_000_000]);
        string folder = Path.Combine(Path.GetTempPath(), "logcorr-query-scale");
        var table = new StringBuilder()
            .AppendLine("| events | errors 10054 | restarts | matches | build s | store MB | engine, answer ms | engine, `\\| count` ms | SQLite join ms | SQLite count ms | SQLite count / engine count |")
            .AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (long size in sizes)
        {
            var built = ScaleStore.Create(folder, size, seed: 42);
            using var store = EventStore.OpenRead(built.Path);
            using var sqlite = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={built.Baseline};Pooling=False");
            sqlite.Open();
            var (answer, matches) = Time(() => QueryEngine.Run(store, Query).Matches.Count);
            var (count, counted) = Time(() => Convert.ToInt32(QueryEngine.Run(store, Query + " | count").Rows![0][0], CultureInfo.InvariantCulture));
            var (join, pairs) = Time(() => Pairs(sqlite));
            var (sqlCount, distinct) = Time(() => SqlCount(sqlite));
            if (matches != counted || counted != distinct)
                throw new InvalidOperationException($"answers differ: engine {matches}, engine count {counted}, SQLite {distinct} ({pairs} pairs)");
            table.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} | {built.Errors10054:N0} | {built.Restarts:N0} | {matches:N0} | {built.Seconds:0.0} | {built.Bytes / 1048576.0:0} | {answer:0} | {count:0} | {join:0} | {sqlCount:0} | {sqlCount / count:0.00}x |"));
            Console.Error.WriteLine($"{size:N0} events done");
            store.Dispose();
            sqlite.Dispose();
            if (keep)
            {
                Console.Error.WriteLine($"kept {built.Path}");
                continue;
            }
            foreach (string file in new[] { built.Path, built.Path + ".lock", built.Baseline })
                File.Delete(file);
        }
        Console.Write(table);
        if (output is not null)
            File.WriteAllText(output, table.ToString());
        return 0;
    }

    /// <summary>Median of <see cref="Runs"/> warm runs (one run first to warm the page cache and the JIT), in ms.</summary>
    private static (double Ms, int Result) Time(Func<int> run)
    {
        int result = run();
        var times = new double[Runs];
        for (int i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            result = run();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return (times[Runs / 2], result);
    }

    private static int Pairs(Microsoft.Data.Sqlite.SqliteConnection sqlite)
    {
        using var cmd = sqlite.CreateCommand();
        cmd.CommandText = JoinSql;
        int pairs = 0;
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            _ = r.GetInt64(0) + r.GetInt64(1) + r.GetInt64(2) + r.GetInt64(3);
            pairs++;
        }
        return pairs;
    }

    private static int SqlCount(Microsoft.Data.Sqlite.SqliteConnection sqlite)
    {
        using var cmd = sqlite.CreateCommand();
        cmd.CommandText = CountSql;
        return Convert.ToInt32(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static long Size(string text)
    {
        text = text.Trim().ToUpperInvariant();
        long unit = text.EndsWith('M') ? 1_000_000 : text.EndsWith('K') ? 1_000 : 1;
        return long.Parse(unit == 1 ? text : text[..^1], CultureInfo.InvariantCulture) * unit;
    }
}
