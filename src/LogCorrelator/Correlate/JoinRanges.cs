namespace LogCorrelator.Correlate;

/// <summary>
/// The join's answer without a single per-pair object: for left event a, the right events that
/// qualify are at positions [<see cref="Start"/>(a), <see cref="End"/>(a)), in time order. A position
/// is a right index directly, or an index into a key-partitioned order when the join had a key.
/// </summary>
internal sealed class JoinRanges
{
    private readonly int[] _starts;
    private readonly int[] _ends;
    private readonly int[]? _order;

    public JoinRanges(int[] starts, int[] ends, int[]? order)
    {
        if (starts.Length != ends.Length)
            throw new ArgumentException("starts and ends differ in length", nameof(ends));
        _starts = starts;
        _ends = ends;
        _order = order;
    }

    /// <summary>How many left events the ranges describe.</summary>
    public int Count => _starts.Length;

    public int Start(int a) => _starts[a];

    public int End(int a) => _ends[a];

    /// <summary>False for the left events the anti-join keeps.</summary>
    public bool HasMatch(int a) => _ends[a] > _starts[a];

    /// <summary>The right index at a position of some range.</summary>
    public int RightIndex(int position) => _order is null ? position : _order[position];
}
