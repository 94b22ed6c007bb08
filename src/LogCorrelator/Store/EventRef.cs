using LogCorrelator.Events;

namespace LogCorrelator.Store;

/// <summary>
/// Where an event sits on the timeline: its time, id (the rowid, which breaks ties) and kind.
/// Pages are read by keyset on (time, id), so paging costs the same at any depth.
/// </summary>
internal readonly record struct EventRef(long Time, long Id, EventKind Kind)
{
    /// <summary>A key before every event (ids start at 1).</summary>
    public static EventRef Start => new(long.MinValue, 0, default);

    /// <summary>A key after every event.</summary>
    public static EventRef End => new(long.MaxValue, long.MaxValue, default);

    /// <summary>The key just before the first event at or after <paramref name="time"/>.</summary>
    public static EventRef At(long time) => new(time, 0, default);
}
