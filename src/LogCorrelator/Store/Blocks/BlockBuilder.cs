using LogCorrelator.Events;

namespace LogCorrelator.Store.Blocks;

/// <summary>
/// Gathers one lane's events until a block is full, then encodes them (<see cref="BlockCodec"/>) with
/// their summary. Its arrays are reused block after block: nothing is allocated per event.
/// </summary>
internal sealed class BlockBuilder
{
    public const int Capacity = 4096;

    internal readonly long[] Id = new long[Capacity];
    internal readonly long[] Time = new long[Capacity];
    internal readonly byte[] Kind = new byte[Capacity];
    internal readonly int[] Code = new int[Capacity];
    internal readonly int[] Host = new int[Capacity];
    internal readonly long[] Offset = new long[Capacity];
    internal readonly int[] Length = new int[Capacity];
    internal readonly long[] Message = new long[Capacity];
    internal readonly int[] Line = new int[Capacity];
    internal readonly int[] Spid = new int[Capacity];
    internal readonly List<(int Index, EventAttributes Attributes)> Attributes = [];
    private readonly HashSet<int> _codes = [];
    private readonly HashSet<string> _states = new(StringComparer.Ordinal);
    private readonly HashSet<int> _hosts = [];
    private readonly int[] _kindCount = new int[32];
    private readonly long[] _kindFirst = new long[32];
    private readonly long[] _kindLast = new long[32];
    private long _first, _last;
    private int _kinds;

    public BlockBuilder(BlockLane lane) => Lane = lane;

    public BlockLane Lane { get; }
    public int Count { get; private set; }
    public bool IsFull => Count == Capacity;

    public void Add(long id, ref LogEvent e, int host, EventAttributes attributes)
    {
        int i = Count++;
        Id[i] = id;
        Time[i] = e.Time;
        Kind[i] = (byte)e.Kind;
        Code[i] = e.Code ?? EventBlock.None;
        Host[i] = host;
        Offset[i] = e.Offset;
        Length[i] = e.Length;
        Message[i] = MessageSpan.Encode(e.Length, e.MessageOffset, e.MessageLength);
        Line[i] = e.Line;
        Spid[i] = e.Spid ?? EventBlock.None;
        if (!attributes.IsEmpty)
        {
            Attributes.Add((i, attributes));
            if (attributes.SqlState is { } state)
                _states.Add(state);
        }
        if (i == 0 || e.Time < _first)
            _first = e.Time;
        if (i == 0 || e.Time > _last)
            _last = e.Time;
        int k = (int)e.Kind;
        if (_kindCount[k]++ == 0)
            _kindFirst[k] = _kindLast[k] = e.Time;
        else
        {
            _kindFirst[k] = Math.Min(_kindFirst[k], e.Time);
            _kindLast[k] = Math.Max(_kindLast[k], e.Time);
        }
        _kinds |= 1 << k;
        if (e.Code is int code && _codes.Count <= BlockSummary.MaxListedCodes)
            _codes.Add(code);
        if (host != 0)
            _hosts.Add(host);
    }

    /// <summary>The summary of the events gathered so far, for a block with <paramref name="id"/> of <paramref name="bytes"/> bytes.</summary>
    public BlockSummary Summarize(long id, int source, int bytes) => new(
        id, source, Lane, Count, _first, _last, Id[0], Id[Count - 1], _kinds,
        _codes.Count > BlockSummary.MaxListedCodes ? null : [.. _codes.Order()],
        [.. _states.Order(StringComparer.Ordinal)], [.. _hosts.Order()], bytes, Spans());

    private KindSpan[] Spans()
    {
        var spans = new KindSpan[System.Numerics.BitOperations.PopCount((uint)_kinds)];
        int at = 0;
        for (int k = 0; k < _kindCount.Length; k++)
        {
            if (_kindCount[k] > 0)
                spans[at++] = new KindSpan((EventKind)k, _kindCount[k], _kindFirst[k], _kindLast[k]);
        }
        return spans;
    }

    public void Clear()
    {
        Count = 0;
        Attributes.Clear();
        _codes.Clear();
        _states.Clear();
        _hosts.Clear();
        _kinds = 0;
        Array.Clear(_kindCount);
    }
}
