namespace LogCorrelator.Correlate;

/// <summary>
/// The join's answer without a single per-pair object: for left event a, the right events that
/// qualify are at positions [<see cref="Start"/>(a), <see cref="End"/>(a)), in time order. A position
/// is a right index directly, or an index into a key-partitioned order when the join had a key.
/// </summary>
/// <remarks>
/// A time join stores runs: consecutive left events whose windows hold the same right events share
/// one (start, end), and a window's edges change only when they pass a right event, so there are at
/// most 2m + 1 runs for m right events, however many left events there are. Ten million errors
/// against ten thousand restarts then take ~20k runs instead of two 40 MB arrays, whose allocation
/// alone cost five times the sweep. Lookups remember the last run, so a pass over a in order is O(1)
/// a step (and an instance must not be shared between threads).
/// </remarks>
internal sealed class JoinRanges
{
    private readonly int[] _starts;
    private readonly int[] _ends;
    private readonly int[]? _order;
    // With runs: _firsts[k] is the first left index of run k, which spans up to _firsts[k + 1] (or Count).
    private readonly int[]? _firsts;
    private readonly int _runs;
    private int _run;

    public JoinRanges(int[] starts, int[] ends, int[]? order)
    {
        if (starts.Length != ends.Length)
            throw new ArgumentException("starts and ends differ in length", nameof(ends));
        _starts = starts;
        _ends = ends;
        _order = order;
        Count = starts.Length;
    }

    /// <summary>Runs of left events: <paramref name="firsts"/>[k] starts run k, which has range [starts[k], ends[k]).</summary>
    public JoinRanges(int count, int[] firsts, int[] starts, int[] ends, int runs)
    {
        if (runs > firsts.Length || runs > starts.Length || runs > ends.Length || (count > 0 && (runs == 0 || firsts[0] != 0)))
            throw new ArgumentException("the runs do not cover the left side");
        _firsts = firsts;
        _starts = starts;
        _ends = ends;
        _runs = runs;
        Count = count;
    }

    /// <summary>How many left events the ranges describe.</summary>
    public int Count { get; }

    /// <summary>How many distinct ranges are stored: one per left event, or one per run.</summary>
    public int Stored => _firsts is null ? Count : _runs;

    public int Start(int a) => _firsts is null ? _starts[a] : _starts[RunOf(a)];

    public int End(int a) => _firsts is null ? _ends[a] : _ends[RunOf(a)];

    /// <summary>False for the left events the anti-join keeps.</summary>
    public bool HasMatch(int a)
    {
        if (_firsts is null)
            return _ends[a] > _starts[a];
        int run = RunOf(a);
        return _ends[run] > _starts[run];
    }

    /// <summary>The right index at a position of some range.</summary>
    public int RightIndex(int position) => _order is null ? position : _order[position];

    private int RunOf(int a)
    {
        if ((uint)a >= (uint)Count)
            throw new ArgumentOutOfRangeException(nameof(a));
        var firsts = _firsts!;
        int run = _run;
        if (firsts[run] <= a && (run + 1 == _runs || a < firsts[run + 1]))
            return run;
        if (run + 1 < _runs && firsts[run + 1] <= a && (run + 2 == _runs || a < firsts[run + 2]))
            return _run = run + 1;
        int found = Array.BinarySearch(firsts, 0, _runs, a);
        return _run = found >= 0 ? found : ~found - 1;
    }
}
