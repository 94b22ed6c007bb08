using BenchmarkDotNet.Attributes;
using LogCorrelator.Correlate;
using Microsoft.Data.Sqlite;

namespace LogCorrelator.Bench;

/// <summary>
/// The join core on the case: 10,000,000 events against 10,000 server events, 5-minute
/// window, over 30 days. Baseline: a plain sweep with two cursors that only counts the events with a
/// match (the least any join must do). Against it: <see cref="IntervalJoin.Join"/> (ranges for every
/// event, as the executor uses them), a naive join (two binary searches per event), and SQLite with
/// an index on the right side's time, the same question in SQL.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class WindowJoinBenchmarks
{
    private const int Left = 10_000_000;
    private const int Right = 10_000;
    private const long Window = 5 * 60_000;
    private const long Start = 1_709_550_000_000;
    private const long Span = 30L * 86_400_000;

    private readonly string _db = Path.Combine(Path.GetTempPath(), "logcorr-bench-join-" + Environment.ProcessId + ".db");
    private long[] _left = [];
    private long[] _right = [];
    private SqliteConnection? _sqlite;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(42);
        _left = Times(rng, Left);
        _right = Times(rng, Right);
        _sqlite = new SqliteConnection($"Data Source={_db};Pooling=False");
        _sqlite.Open();
        Exec("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; CREATE TABLE l (t INTEGER NOT NULL); CREATE TABLE r (t INTEGER NOT NULL);");
        Fill("l", _left);
        Fill("r", _right);
        Exec("CREATE INDEX r_t ON r (t); ANALYZE;");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sqlite?.Dispose();
        File.Delete(_db);
    }

    [Benchmark(Baseline = true)]
    public long PlainSweep()
    {
        long matched = 0;
        int lo = 0, hi = 0;
        var left = _left;
        var right = _right;
        for (int a = 0; a < left.Length; a++)
        {
            long from = left[a] - Window, to = left[a] + Window;
            while (lo < right.Length && right[lo] < from)
                lo++;
            if (hi < lo)
                hi = lo;
            while (hi < right.Length && right[hi] <= to)
                hi++;
            if (hi > lo)
                matched++;
        }
        return matched;
    }

    [Benchmark]
    public long IntervalJoinRanges()
    {
        var ranges = IntervalJoin.Join(_left, _right, TimeWindow.Around(Window));
        return ranges.Stored;
    }

    [Benchmark]
    public long NaiveBinarySearchPerEvent()
    {
        long matched = 0;
        foreach (long t in _left)
        {
            int lo = LowerBound(_right, t - Window);
            if (lo < _right.Length && _right[lo] <= t + Window)
                matched++;
        }
        return matched;
    }

    [Benchmark]
    public long SqliteIndexedJoin()
    {
        using var cmd = _sqlite!.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM l WHERE EXISTS (SELECT 1 FROM r WHERE r.t BETWEEN l.t - $w AND l.t + $w)";
        cmd.Parameters.AddWithValue("$w", Window);
        return (long)cmd.ExecuteScalar()!;
    }

    private static int LowerBound(long[] sorted, long value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }

    private static long[] Times(Random rng, int n)
    {
        var times = new long[n];
        for (int i = 0; i < n; i++)
            times[i] = Start + rng.NextInt64(Span);
        Array.Sort(times);
        return times;
    }

    private void Exec(string sql)
    {
        using var cmd = _sqlite!.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private void Fill(string table, long[] times)
    {
        using var tx = _sqlite!.BeginTransaction();
        using var cmd = _sqlite.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO {table}(t) VALUES ($t)";
        var p = cmd.Parameters.Add("$t", SqliteType.Integer);
        cmd.Prepare();
        foreach (long t in times)
        {
            p.Value = t;
            cmd.ExecuteNonQuery();
        }
        tx.Commit();
    }
}
