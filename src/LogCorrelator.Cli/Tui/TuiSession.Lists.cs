using System.Globalization;
using LogCorrelator.Diagnose;
using LogCorrelator.Events;
using LogCorrelator.Store;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The lists shown in place of the results: saved queries, the diagnosis (its evidence lines jump
/// to their moment), the sources, the raw lines of every source around the cursor, and help.
/// </summary>
internal sealed partial class TuiSession
{
    public const string SavedNote = "saved queries (built-in and yours), then the grammar's examples · Enter runs · w saves the current query · Esc closes";

    private List<(string Label, long? Time)>? _diagnosisLines;
    private List<string>? _sourceLines;
    private int _scroll;
    private ResultsScroller? _raw;

    /// <summary>The saved queries then the grammar's examples: what the list shows and what Enter runs.</summary>
    private IReadOnlyList<(string Label, string Query)> SavedItems()
    {
        var saved = _context.Library.All.Select(q => ($"@{q.Name,-22} {q.Text}", q.Text));
        var examples = ExampleQueries.All.Select(e => (e, e));
        return [.. saved, .. examples];
    }

    private PickerView? Overlay() => Mode switch
    {
        TuiMode.Saved => new PickerView("Saved queries", SavedNote, [.. SavedItems().Select(i => i.Label)], _picked),
        TuiMode.Diagnosis => new PickerView("Diagnosis · the causes ranked by errors explained", "↑/↓ choose · Enter on an evidence line (->) jumps to its moment · Esc closes",
            [.. Diagnosis().Select(l => (l.Time is null ? "   " : "-> ") + l.Label)], _picked),
        TuiMode.Sources => new PickerView("Sources · what the store holds", "↑/↓ scroll · Esc closes", SourceLines(), -1) { Scroll = _scroll },
        TuiMode.Help => new PickerView("Help · every key", "Esc, q, F1 or ? closes", HelpText.Lines, -1) { Scroll = _scroll },
        TuiMode.Raw => RawView(),
        _ => null,
    };

    private void OpenList(TuiMode mode)
    {
        Mode = mode;
        _picked = 0;
        _scroll = 0;
        if (mode == TuiMode.Diagnosis)
        {
            // The pick is set before the worker starts: its result sets it too when it lands, and
            // (posted inline, without a UI loop) it could land before this line and be overwritten.
            if (_diagnosisLines is { } lines)
                _picked = Math.Max(0, lines.FindIndex(l => l.Time is not null));
            else
                StartDiagnosis();
        }
        if (mode == TuiMode.Raw)
        {
            _raw = new ResultsScroller();
            _raw.Reset(new StoreSetSource(_store, new EventScan(), "every line"), Math.Max(1, Layout.Results + Layout.Detail - 3));
            _raw.JumpTo(_results.Current?.Time ?? _timeline.Cursor);
        }
    }

    private int ListCount() => Mode switch
    {
        TuiMode.Saved => SavedItems().Count,
        TuiMode.Diagnosis => Diagnosis().Count,
        TuiMode.Sources => SourceLines().Count,
        TuiMode.Help => HelpText.Lines.Count,
        _ => 0,
    };

    /// <summary>Enter on a list item: run the saved query, or jump to the evidence's moment.</summary>
    private void PickCurrent()
    {
        switch (Mode)
        {
            case TuiMode.Saved when _picked < SavedItems().Count:
                Open(SavedItems()[_picked].Query);
                break;
            case TuiMode.Diagnosis when _picked < Diagnosis().Count && Diagnosis()[_picked].Time is { } time:
                Mode = TuiMode.Browse;
                JumpTo(time);
                _status = $"at the evidence's moment: {TimeMath.Full(time)} UTC · {Help}";
                break;
            case TuiMode.Raw when _raw?.Current is { } row:
                Mode = TuiMode.Browse;
                JumpTo(row.Time);
                break;
            default:
                Mode = TuiMode.Browse;
                break;
        }
    }

    /// <summary>The timeline's cursor and the results to <paramref name="time"/> (its bucket, the first row at or after it).</summary>
    private void JumpTo(long time)
    {
        _timeline.Follow(time);
        _results.JumpTo(time);
    }

    /// <summary>What the diagnosis list shows until the background run lands.</summary>
    public const string DiagnosingLine = "diagnosing… the store is read in the background; the keys keep working (Esc closes this, d reopens it)";

    /// <summary>
    /// How work finished off the UI thread gets back onto it: the screen sets Terminal.Gui's
    /// Application.Invoke; left as is (tests of the session alone) it runs on the worker.
    /// </summary>
    public Action<Action> Post { get; set; } = action => action();

    /// <summary>Raised (through <see cref="Post"/>) when background work changed what the screen shows.</summary>
    public event Action? Changed;

    /// <summary>The background diagnosis once <c>d</c> started it; complete once its result has been posted.</summary>
    public Task? Diagnosing { get; private set; }

    /// <summary>The diagnosis's lines, or the one line saying it runs.</summary>
    private List<(string Label, long? Time)> Diagnosis()
    {
        if (_diagnosisLines is not null)
            return _diagnosisLines;
        StartDiagnosis();
        return [(DiagnosingLine, null)];
    }

    /// <summary>
    /// Runs the diagnosis on a worker: on a big store it reads every error and server event, and on
    /// the UI thread it froze the screen for as long. The store's reads take its read lock; what it
    /// loads lazily (sources, block summaries) is loaded here first so the worker only reads.
    /// </summary>
    private void StartDiagnosis()
    {
        if (Diagnosing is not null)
            return;
        _ = _store.Sources();
        _ = _store.BlockSummaries;
        var diagnose = _context.Diagnose;
        var store = _store;
        _status = "diagnosing… · " + Help;
        Diagnosing = Task.Run(() =>
        {
            List<(string, long?)> lines;
            try
            {
                lines = DiagnosisLines(diagnose(store));
            }
            catch (Diagnose.Rules.RuleException e)
            {
                lines = [("the rules could not run: " + e.Message, null)];
            }
            catch (Exception e)
            {
                // Whatever went wrong off the UI thread is shown, not lost: "diagnosing…" must not stay forever.
                lines = [("the diagnosis failed: " + e.Message, null)];
            }
            Post(() => DiagnosisDone(lines));
        });
    }

    private void DiagnosisDone(List<(string Label, long? Time)> lines)
    {
        _diagnosisLines = lines;
        if (Mode == TuiMode.Diagnosis)
            _picked = Math.Max(0, lines.FindIndex(l => l.Time is not null));
        _status = $"diagnosis done: {(Mode == TuiMode.Diagnosis ? "" : "d shows it · ")}{Help}";
        Changed?.Invoke();
    }

    private static List<(string Label, long? Time)> DiagnosisLines(Diagnosis d)
    {
        var lines = new List<(string, long?)>();
        lines.Add(($"{d.Errors.Count} client errors; {d.Causes.Count} cause{(d.Causes.Count == 1 ? "" : "s")} found; {d.UnexplainedCount} unexplained", null));
        int rank = 0;
        foreach (var c in d.Causes)
        {
            lines.Add(("", null));
            lines.Add(($"#{++rank} {c.Title} · explains {c.Explained} of {d.Errors.Count} errors · confidence {c.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}", null));
            lines.Add(("   " + c.Summary, null));
            foreach (var e in c.Evidence)
            {
                string at = e.Event.Time is { } t ? TimeMath.Full(t.ToUnixTimeMilliseconds()) : TimeMath.Full(Events.EventTime.None);
                lines.Add(($"{at}  {e.Event.Host ?? "-"}  {e.Event.Kind.Name()}  {d.PathOf(e.Event)}:{e.Event.Line.ToString(CultureInfo.InvariantCulture)}  {e.Event.Message.ReplaceLineEndings(" ")}",
                    e.Event.Time?.ToUnixTimeMilliseconds()));
            }
            lines.Add(("   remedy: " + c.Remedy.ReplaceLineEndings(" "), null));
        }
        if (d.UnexplainedCount > 0)
        {
            lines.Add(("", null));
            lines.Add(($"unexplained: {d.UnexplainedCount} errors in {d.Unexplained.Count} group{(d.Unexplained.Count == 1 ? "" : "s")}", null));
        }
        return lines;
    }

    private List<string> SourceLines()
    {
        if (_sourceLines is not null)
            return _sourceLines;
        var text = new StringWriter();
        Commands.SourcesCommand.Write(text, _store);
        return _sourceLines = [.. text.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n')];
    }

    /// <summary>Every source's lines interleaved by time around the cursor: the store's events of all kinds, raw text's first line.</summary>
    private PickerView RawView()
    {
        var rows = _raw!.Rows;
        var items = rows.Select(r => $"{TimeMath.Full(r.Time)}  {r.Host,-10} {r.Kind,-12} {r.Message}").ToList();
        return new PickerView("Raw lines of every source around the cursor · t back to the results", "↑/↓ PgUp/PgDn scroll · Enter goes to the line's moment in the results · t or Esc closes", items, _raw.Selected);
    }
}
