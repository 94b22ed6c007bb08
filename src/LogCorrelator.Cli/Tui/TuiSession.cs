using System.Diagnostics;
using System.Globalization;
using LogCorrelator.Store;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The TUI's state and what each key does to it; <see cref="View"/> turns it into plain data for a
/// frame. No terminal here: tests drive it with key infos and read the views.
/// </summary>
internal sealed partial class TuiSession
{
    public const string DefaultQuery = "errors";

    public const string Help = "F1/? help · q quit · / query · s saved · d diagnosis · ←/→ +/- timeline · ↑/↓ PgUp/PgDn Home/End rows · Enter detail";

    private readonly EventStore _store;
    private readonly string _storeName;
    private readonly long _storeEvents;
    private readonly string? _diagnosis;
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

    /// <param name="diagnosis">The diagnose summary of this store, or null when it has not been diagnosed.</param>
    public TuiSession(EventStore store, string storeName, string? diagnosis, int width, int height)
    {
        _store = store;
        _storeName = storeName;
        _diagnosis = diagnosis;
        _storeEvents = store.Sources().Sum(s => s.Events);
        _timelineData = new TimelineData(store);
        _details = new DetailLoader(store);
        _completer = new QueryCompleter([]);
        Layout = ScreenLayout.Compute(width, height, false, 1);
    }

    public TuiMode Mode { get; private set; }

    public bool DetailOpen { get; private set; }

    public ScreenLayout Layout { get; private set; }

    /// <summary>Runs a query; on a syntax error the query bar opens with the error under it.</summary>
    public bool Open(string text)
    {
        var clock = Stopwatch.StartNew();
        if (!ResultSources.TryOpen(_store, text, out var source, out var error))
        {
            Mode = TuiMode.Query;
            _editor.Start(text);
            _editor.Error = error!.Format();
            Relayout();
            // The error lines take rows from the results: keep the selected row on screen.
            if (_source is not null)
                _results.Resize(Layout.ResultRows);
            return false;
        }
        _source = source!;
        _history.Add(text);
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
        var timeline = _timelineData.View(_source, _timeline);
        var results = new ResultsView(_source.Query, _results.Rows, _results.Selected, _source.Total, _source.IsJoin);
        PickerView? overlay = Mode switch
        {
            TuiMode.Saved => new PickerView("Saved queries", ExampleQueries.Note, ExampleQueries.All, _picked),
            TuiMode.Help => new PickerView("Help · every key", "Esc, q, F1 or ? closes", HelpText.Lines, -1),
            TuiMode.Diagnosis => _diagnosis is null
                ? new PickerView("Diagnosis", "not diagnosed yet: run logcorr diagnose · Esc closes", [], -1)
                : new PickerView("Diagnosis", "the last logcorr diagnose of this store · Esc closes", _diagnosis.Split('\n'), -1),
            _ => null,
        };
        return new ScreenView(
            title,
            timeline,
            results,
            DetailOpen ? _details.Load(_results.Current, _source.IsJoin) : null,
            overlay,
            Mode == TuiMode.Query ? _editor.View() : null,
            _status);
    }

    private void Relayout()
    {
        int bottom = Mode == TuiMode.Query ? _editor.View().Height : 1;
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
