using LogCorrelator.Events;
using LogCorrelator.Store;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// Builds the timeline's view for the window on screen: the histogram from the result source and
/// the server events from the store, both for that window only. The last one is kept, so frames
/// that move nothing on the timeline query nothing. Given a way back to the UI thread, a new
/// window is counted on a worker: a zoom out over ten million events took ~150 ms to count, and the
/// frame is drawn at once with the bars empty and the label saying so, the bars landing after.
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
    private bool _counting;

    /// <param name="background">
    /// Null: a new window is counted now. Else it is counted on a worker, whose result is handed to
    /// this to run on the UI thread (and redraw); until then the view has no bars and says "counting…".
    /// </param>
    /// <summary>
    /// Starts a count on a worker. The TUI holds the first one until the first frame is drawn: on a
    /// two-core machine a 10M-event count beside the first layout made that frame later.
    /// </summary>
    public Action<Action> StartCount { get; set; } = work => Task.Run(work);

    /// <summary>Whether the window on screen is still being counted on a worker.</summary>
    public bool Counting => _counting;

    public TimelineView View(IResultSource source, TimelineState state, Action<Action>? background = null)
    {
        var key = (source, state.WindowStart, state.Bucket, state.Columns);
        if (key != _key)
        {
            _key = key;
            if (background is null)
            {
                (_counts, _markers) = Count(key);
                _counting = false;
            }
            else
            {
                _counts = new long[state.Columns];
                _markers = [];
                _counting = true;
                StartCount(() =>
                {
                    (long[], TimelineMarker[]) counted;
                    try
                    {
                        counted = Count(key);
                    }
                    catch (Exception)
                    {
                        // Off the UI thread nothing would show it: the window stays empty, not "counting…" forever.
                        counted = (new long[key.Columns], []);
                    }
                    background(() =>
                    {
                        // A later key may have moved the window again: only the window on screen lands.
                        if (_key != key)
                            return;
                        (_counts, _markers) = counted;
                        _counting = false;
                    });
                });
            }
        }
        string label = _counting ? source.Label + " (counting…)" : source.Label;
        return new TimelineView(label, state.Bucket, state.WindowStart, _counts, _markers, state.CursorColumn);
    }

    private (long[] Counts, TimelineMarker[] Markers) Count((IResultSource Source, long Start, long Bucket, int Columns) window)
    {
        var counts = window.Source.Histogram(window.Start, window.Bucket, window.Columns);
        var scan = ServerEvents with { From = window.Start, To = window.Start + window.Bucket * window.Columns - 1 };
        var markers = _browser.Page(scan, EventRef.Start, MaxMarkers)
            .Select(e => new TimelineMarker((int)((e.Time - window.Start) / window.Bucket), Letter(e.Kind)))
            .ToArray();
        return (counts, markers);
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
