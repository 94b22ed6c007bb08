namespace LogCorrelator.Store;

/// <summary>
/// Event ids are <c>source id × 2^32 + n</c>, n = 1, 2, 3... in file order: each source owns one
/// contiguous id range, a block stores its ids as small deltas from the source's base, and the id
/// says which source to look in.
/// </summary>
internal static class EventIds
{
    public const long LowMask = 0xFFFF_FFFF;

    public static long Base(long sourceId) => sourceId << 32;

    public static long First(long sourceId) => (sourceId << 32) + 1;

    public static long Last(long sourceId) => (sourceId << 32) | LowMask;

    public static long Source(long id) => id >> 32;
}
