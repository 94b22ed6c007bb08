using LogCorrelator.Events;
using LogCorrelator.Store;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// Builds the timeline's view for the window on screen: the histogram from the result source and
/// the server events from the store, both for that window only. The last one is kept, so frames
/// that move nothing on the timeline query nothing.
/// </summary>
internal sealed class TimelineData(EventStore store)
{
    /// <summary>Server events marked on the timeline, at most this many per window.</summary>
    public const int MaxMarkers = 4096;

    private static readonly EventScan ServerEvents = new()
    {
        Kinds = [EventKind.Restart, EventKind.Shutdown, EventKind.Kill, EventKind.Failover],
    };

    private readonly EventBrowser _browser = new(store);
    private (IResultSource Source, long Start, long Bucket, int Columns) _key;
    private long[] _counts = [];
    private TimelineMarker[] _markers = [];

    public TimelineView View(IResultSource source, TimelineState state)
    {
        var key = (source, state.WindowStart, state.Bucket, state.Columns);
        if (key != _key)
        {
            _counts = source.Histogram(state.WindowStart, state.Bucket, state.Columns);
            var scan = ServerEvents with { From = state.WindowStart, To = state.WindowEnd - 1 };
            _markers = _browser.Page(scan, EventRef.Start, MaxMarkers)
                .Select(e => new TimelineMarker((int)((e.Time - state.WindowStart) / state.Bucket), Letter(e.Kind)))
                .ToArray();
            _key = key;
        }
        return new TimelineView(source.Label, state.Bucket, state.WindowStart, _counts, _markers, state.CursorColumn);
    }

    public static char Letter(EventKind kind) => kind switch
    {
        EventKind.Restart => 'R',
        EventKind.Shutdown => 'S',
        EventKind.Kill => 'K',
        EventKind.Failover => 'F',
        _ => '*',
    };
}
