using System.Diagnostics;
using System.Globalization;
using LogCorrelator.Query;
using LogCorrelator.Store;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The TUI's state and what each key does to it; <see cref="View"/> turns it into plain data for a
/// frame. No terminal here: tests drive it with key infos and read the views, and
/// <see cref="TuiScreen"/> draws the views with Terminal.Gui.
/// </summary>
internal sealed partial class TuiSession
{
    public const string DefaultQuery = "errors";

    public const string Help = "F1/? help · q quit · / query · s saved · d diagnosis · ←/→ +/- timeline · ↑/↓ PgUp/PgDn Home/End rows · Enter detail";

    private readonly EventStore _store;
    private readonly string _storeName;
    private readonly long _storeEvents;
    private readonly TuiContext _context;
    private readonly QueryOptions _options;
    private readonly TimelineState _timeline = new();
    private readonly ResultsScroller _results = new();
    private readonly QueryEditor _editor = new();
    private readonly TimelineData _timelineData;
    private readonly DetailLoader _details;
    private readonly QueryHistory _history = new();
    private readonly QueryCompleter _completer;
    private IResultSource _source = null!;
    private int _picked;
    private string _status = Help;

    /// <param name="context">Saved queries, diagnosis, export and clipboard; null: none saved, diagnosed on demand, exports in the working folder.</param>
    public TuiSession(EventStore store, string storeName, TuiContext? context, int width, int height)
    {
        _store = store;
        _storeName = storeName;
        _context = context ?? new TuiContext();
        _options = new QueryOptions { Library = _context.Library };
        _storeEvents = store.Sources().Sum(s => s.Events);
        _timelineData = new TimelineData(store);
        _details = new DetailLoader(store);
        _completer = new QueryCompleter([.. _context.Library.All.Select(q => q.Name)]);
        Layout = ScreenLayout.Compute(width, height, false, 1);
    }

    public TuiMode Mode { get; private set; }

    public PromptKind Prompt { get; private set; }

    public bool DetailOpen { get; private set; }

    public ScreenLayout Layout { get; private set; }

    /// <summary>Runs a query; on a syntax error the query bar opens with the error under it.</summary>
    public bool Open(string text)
    {
        var clock = Stopwatch.StartNew();
        if (!ResultSources.TryOpen(_store, text, _options, out var source, out var error))
        {
            Mode = TuiMode.Query;
            Prompt = PromptKind.Query;
            _editor.Start(text);
            _editor.Error = error!.Format();
            Relayout();
            // The error lines take rows from the results: keep the selected row on screen.
            if (_source is not null)
                _results.Resize(Layout.ResultRows);
            return false;
        }
        // A search of the old results must not land in the new ones.
        CancelFind();
        _source = source!;
        _history.Add(text);
        _marked.Clear();
        _found = null;
        Mode = TuiMode.Browse;
        Relayout();
        var (first, last) = _source.Extent ?? StoreExtent();
        _timeline.Fit(first, last, Layout.Columns);
        _results.Reset(_source, Layout.ResultRows);
        _status = string.Create(CultureInfo.InvariantCulture, $"ran '{_source.Query}' in {clock.ElapsedMilliseconds} ms · {Help}");
        return true;
    }

    public void Resize(int width, int height)
    {
        Layout = Layout with { Width = width, Height = height };
        Relayout();
        _timeline.Resize(Layout.Columns);
        _results.Resize(Layout.ResultRows);
    }

    public ScreenView View()
    {
        string title = string.Create(CultureInfo.InvariantCulture, $"logcorr tui · {_storeName} · {_storeEvents:N0} events · query: {_source.Query}");
        // The timeline first: its histogram may give the total without a count.
        var timeline = _timelineData.View(_source, _timeline, CountInBackground ? Background : null);
        // While the histogram is counted on a worker the total is left to it: counting here as well
        // would read the rows twice, on the UI thread (~150 ms on a 10M-event store's first frame).
        long? total = _timelineData.Counting ? _source.KnownTotal : _source.Total;
        var results = new ResultsView(_source.Query, _results.Rows, _results.Selected, total, _source.IsJoin) { Marked = _marked, Search = _found };
        return new ScreenView(
            title,
            timeline,
            results,
            DetailOpen ? _details.Load(_results.Current, _source.IsJoin) : null,
            Overlay(),
            Mode == TuiMode.Query ? PromptView() : null,
            _status);
    }

    /// <summary>
    /// Whether a timeline window not counted yet is counted on a worker (<see cref="TimelineData"/>);
    /// the TUI sets it once running. Off, each frame is whole when drawn (the screen's tests).
    /// </summary>
    public bool CountInBackground { get; set; }

    /// <summary>How a background count is started (<see cref="TimelineData.StartCount"/>).</summary>
    public Action<Action> StartCount
    {
        set => _timelineData.StartCount = value;
    }

    /// <summary>Work done on a worker, landing on the UI thread through <see cref="Post"/>, then a redraw.</summary>
    private void Background(Action landed) => Post(() =>
    {
        landed();
        Changed?.Invoke();
    });

    private void Relayout()
    {
        int bottom = Mode == TuiMode.Query ? PromptView().Height : 1;
        Layout = ScreenLayout.Compute(Layout.Width, Layout.Height, DetailOpen, bottom);
    }

    /// <summary>For a query with no rows the timeline still shows the store's days.</summary>
    private (long First, long Last) StoreExtent()
    {
        var sources = _store.Sources().Where(s => s.First is not null && s.Last is not null).ToList();
        return sources.Count == 0 ? (0, 0)
            : (sources.Min(s => s.First!.Value.ToUnixTimeMilliseconds()), sources.Max(s => s.Last!.Value.ToUnixTimeMilliseconds()));
    }
}
