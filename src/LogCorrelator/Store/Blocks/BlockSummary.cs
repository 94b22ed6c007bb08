using LogCorrelator.Events;

namespace LogCorrelator.Store.Blocks;

/// <summary>
/// What a block holds, read for every block when the store opens and tested before any block is
/// decoded: its time range (<see cref="EventTime.None"/> for both in the untimed lane), id range,
/// the kinds, codes, SQLSTATEs and hosts present. <see cref="Codes"/> is null when the block has too
/// many distinct codes to list: then it may hold any.
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
    int Bytes)
{
    public const int MaxListedCodes = 256;

    public bool HasKind(EventKind kind) => (KindMask & (1 << (int)kind)) != 0;

    public bool Overlaps(long from, long to) => Last >= from && First <= to;
}
