namespace LogCorrelator.Store;

/// <summary>
/// Event ids are SQLite rowids laid out as <c>source id × 2^32 + line</c>: each source owns one
/// contiguous id range (so replacing a file deletes a range, with no index on the source), and an
/// event's first line is its id's low half, so the row stores a line only when it differs (two
/// events on one line, or lines out of order). Ids grow within a source, so every insert appends.
/// </summary>
internal static class EventIds
{
    public const long LowMask = 0xFFFF_FFFF;

    public static long First(long sourceId) => sourceId << 32;

    public static long Last(long sourceId) => (sourceId << 32) | LowMask;

    public static long Source(long id) => id >> 32;

    /// <summary>The id for an event starting on <paramref name="line"/>, after <paramref name="previous"/>.</summary>
    public static long Next(long sourceId, long previous, int line)
    {
        long byLine = First(sourceId) + line;
        long id = line > 0 && byLine > previous ? byLine : previous + 1;
        if (id > Last(sourceId))
            throw new InvalidOperationException("a source holds at most 2^32 - 1 events");
        return id;
    }

    /// <summary>The line stored for an event: none when the id already says it.</summary>
    public static bool LineImplied(long id, int line) => (id & LowMask) == (uint)line;

    public static int Line(long id, long storedLine, long none) => storedLine == none ? (int)(id & LowMask) : (int)storedLine;
}
