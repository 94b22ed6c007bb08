using LogCorrelator.Events;

namespace LogCorrelator.Store.Blocks;

/// <summary>
/// What a read asks of the blocks: kinds, codes (an event's number or its SQLSTATE), an inclusive
/// time range, sources. <see cref="Admits"/> tests a block's summary, so a block that cannot hold a
/// match is never decoded; <see cref="Matches"/> tests one decoded event.
/// </summary>
internal sealed class BlockFilter
{
    private readonly int _kindMask;
    private readonly HashSet<int>? _codes;
    private readonly HashSet<string>? _states;

    public BlockFilter(IEnumerable<EventKind>? kinds = null, IEnumerable<int>? codes = null, IEnumerable<string>? states = null,
        long? from = null, long? to = null, IReadOnlySet<int>? sources = null)
    {
        _kindMask = kinds is null ? -1 : kinds.Aggregate(0, (m, k) => m | 1 << (int)k);
        if (_kindMask == 0)
            _kindMask = -1;
        _codes = codes?.ToHashSet() is { Count: > 0 } c ? c : null;
        _states = states?.ToHashSet(StringComparer.OrdinalIgnoreCase) is { Count: > 0 } s ? s : null;
        From = from ?? long.MinValue;
        To = to ?? long.MaxValue;
        Sources = sources;
    }

    public static BlockFilter All { get; } = new();

    public long From { get; }
    public long To { get; }
    public IReadOnlySet<int>? Sources { get; }
    public bool ByCode => _codes is not null || _states is not null;

    public bool Admits(BlockSummary b)
    {
        if ((b.KindMask & _kindMask) == 0 || !b.Overlaps(From, To))
            return false;
        if (Sources is not null && !Sources.Contains(b.Source))
            return false;
        if (!ByCode)
            return true;
        if (_codes is not null && (b.Codes is null || b.Codes.Any(_codes.Contains)))
            return true;
        return _states is not null && b.States.Any(_states.Contains);
    }

    /// <summary>
    /// How many of an admitted block's events match, and the first and last of their times, from its
    /// summary alone: false when only decoding can tell (codes asked, no spans kept, or a kind's
    /// events straddling the time range's edge).
    /// </summary>
    public bool TryCount(BlockSummary b, out int count, out long first, out long last)
    {
        count = 0;
        first = long.MaxValue;
        last = long.MinValue;
        if (ByCode || b.Spans is null)
            return false;
        foreach (var span in b.Spans)
        {
            if ((_kindMask & (1 << (int)span.Kind)) == 0 || span.Last < From || span.First > To)
                continue;
            if (span.First < From || span.Last > To)
                return false;
            count += span.Count;
            first = Math.Min(first, span.First);
            last = Math.Max(last, span.Last);
        }
        return true;
    }

    /// <summary>Whether an event's time and kind match, for a filter that asks no codes.</summary>
    public bool Matches(long time, EventKind kind) => time >= From && time <= To && (_kindMask & (1 << (int)kind)) != 0;

    public bool Matches(EventBlock b, int i)
    {
        if (!Matches(b.Time[i], b.Kind[i]))
            return false;
        if (!ByCode)
            return true;
        if (_codes is not null && b.Code[i] != EventBlock.None && _codes.Contains(b.Code[i]))
            return true;
        return _states is not null && b.HasAttributes && b.Attributes(i).SqlState is { } state && _states.Contains(state);
    }
}
