using LogCorrelator.Events;

namespace LogCorrelator.Store.Blocks;

/// <summary>
/// What a block holds, read for every block when the store opens and tested before any block is
/// decoded: its time range (<see cref="EventTime.None"/> for both in the untimed lane), id range,
/// the kinds, codes, SQLSTATEs and hosts present. <see cref="Codes"/> is null when the block has too
/// many distinct codes to list: then it may hold any. <see cref="Spans"/> gives each kind's count and
/// time range, so counts, extents and coarse histograms need no decoding; null in stores written
/// before it was kept (then the block is decoded).
/// </summary>
internal sealed record BlockSummary(
    long Id,
    int Source,
    BlockLane Lane,
    int Count,
    long First,
    long Last,
    long FirstId,
    long LastId,
    int KindMask,
    int[]? Codes,
    string[] States,
    int[] Hosts,
    int Bytes,
    KindSpan[]? Spans = null)
{
    public const int MaxListedCodes = 256;

    public bool HasKind(EventKind kind) => (KindMask & (1 << (int)kind)) != 0;

    public bool Overlaps(long from, long to) => Last >= from && First <= to;
}

/// <summary>How many events of one kind a block holds, and the first and last of their times.</summary>
internal readonly record struct KindSpan(EventKind Kind, int Count, long First, long Last);
