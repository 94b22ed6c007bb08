using System.Globalization;
using System.Text;
using LogCorrelator.Cli.Output;
using LogCorrelator.Events;
using LogCorrelator.Query;
using LogCorrelator.Store;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The bottom bar's other uses besides the query (save under a name, export, find, go to a time),
/// and the lnav habits around them: next/previous match, error and server event, marks and copy.
/// </summary>
internal sealed partial class TuiSession
{
    /// <summary>Rows a find looks through before it gives up (a find walks the store a page at a time).</summary>
    public const int FindLimit = 200_000;

    private static readonly EventScan Errors = new() { Kinds = [EventKind.Error] };

    private static readonly EventScan ServerEvents = new()
    {
        Kinds = [EventKind.Restart, EventKind.Shutdown, EventKind.Kill, EventKind.Failover],
    };

    private readonly HashSet<long> _marked = [];
    private string? _found;

    private QueryBarView PromptView()
    {
        var bar = _editor.View();
        return Prompt switch
        {
            PromptKind.SaveName => bar with { Prompt = "save as", Hint = "a name: a letter, then letters, digits, '-' or '_' · Enter saves · Esc cancels" },
            PromptKind.Find => bar with { Prompt = "find", Hint = "text in the rows' messages (any case) · Enter finds the next · then n/N next/previous · Esc cancels" },
            PromptKind.GoTo => bar with { Prompt = "go to", Hint = "a UTC time: 2024-03-05 11:32, 2024-03-05 11:32:06.480, or 11:32 on the cursor's day · Enter goes · Esc cancels" },
            _ => bar,
        };
    }

    private void StartPrompt(PromptKind kind, string text)
    {
        Mode = TuiMode.Query;
        Prompt = kind;
        _editor.Start(text);
        if (kind == PromptKind.Query)
            _history.Restart(text);
        Relayout();
    }

    private void EndPrompt(string status)
    {
        Mode = TuiMode.Browse;
        _status = status;
        Relayout();
        _results.Resize(Layout.ResultRows);
    }

    /// <summary>Enter in the bottom bar: runs, saves, exports, finds or goes, by what the bar was opened for.</summary>
    public bool Submit(string text)
    {
        _editor.Start(text);
        switch (Prompt)
        {
            case PromptKind.SaveName:
                SaveAs(text.Trim().TrimStart('@'));
                return Mode == TuiMode.Browse;
            case PromptKind.Find:
                // A search for the text before must not land (nor say "searching…") after this one.
                CancelFind();
                _found = text.Length > 0 ? text : null;
                EndPrompt(Help);
                if (_found is not null)
                    FindNext(forward: true);
                return true;
            case PromptKind.GoTo:
                GoTo(text.Trim());
                return Mode == TuiMode.Browse;
            default:
                return Open(text);
        }
    }

    private void SaveAs(string name)
    {
        if (_context.UserQueryFile is not { } file)
        {
            EndPrompt("saving needs the store's query file: not available here");
            return;
        }
        if (!Commands.SaveCommand.TrySave(file, name, _source.Query, "saved from logcorr tui", out var error))
        {
            _editor.Error = error?.Format() ?? Commands.SaveCommand.Problem(name);
            Relayout();
            return;
        }
        EndPrompt($"saved '{name}' in {CommonOptions.DisplayPath(file)}: logcorr run {name} · {Help}");
    }

    /// <summary><c>x</c>: the screen opens its export dialog (<see cref="ExportDialog"/>), which calls <see cref="Export"/>.</summary>
    public event Action? ExportAsked;

    /// <summary>What an export writes now, for the dialog: the marked rows, else all the results.</summary>
    public string ExportWhat => _marked.Count > 0
        ? $"the {_marked.Count.ToString(CultureInfo.InvariantCulture)} marked row{(_marked.Count == 1 ? "" : "s")}"
        : $"all {_source.Total.ToString("N0", CultureInfo.InvariantCulture)} results of '{_source.Query}'";

    /// <summary>
    /// Writes the marked rows (else all the results) to <paramref name="path"/> (relative to the
    /// export folder) as JSON or CSV, running the query as <c>logcorr query</c> does and writing it
    /// with its renderers: the same columns and the same redaction. Returns the error, or null.
    /// </summary>
    public string? Export(string path, bool json)
    {
        if (path.Length == 0)
            return "error: a file name is needed";
        var result = QueryEngine.Run(_store, _source.Query, _options);
        if (_marked.Count > 0)
            result = result with { Matches = [.. result.Matches.Where(m => _marked.Contains(m.Event.Id))], Columns = null, Rows = null };
        string full;
        try
        {
            full = Path.GetFullPath(path, Path.GetFullPath(_context.ExportFolder));
            using var writer = new StreamWriter(full, false, new UTF8Encoding(false));
            if (json)
                QueryJsonRenderer.Write(writer, result);
            else
                QueryCsvRenderer.Write(writer, result);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return "error: " + e.Message;
        }
        string what = result.Columns is not null ? $"{result.Rows!.Count} table rows" : $"{result.Matches.Count} rows";
        _status = $"exported {what} to {CommonOptions.DisplayPath(full)} · {Help}";
        return null;
    }

    private void GoTo(string text)
    {
        string[] forms = ["yyyy-MM-dd HH:mm:ss.fff", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss.fff", "yyyy-MM-ddTHH:mm:ss"];
        string[] clocks = ["HH:mm:ss.fff", "HH:mm:ss", "HH:mm"];
        long time;
        var style = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTime.TryParseExact(text, forms, CultureInfo.InvariantCulture, style, out var at))
            time = new DateTimeOffset(at, TimeSpan.Zero).ToUnixTimeMilliseconds();
        else if (DateTime.TryParseExact(text, clocks, CultureInfo.InvariantCulture, style, out var clock))
            time = TimeMath.Floor(_timeline.Cursor, 86_400_000) + (long)clock.TimeOfDay.TotalMilliseconds;
        else
        {
            _editor.Error = $"error: '{text}' is not a time: write 2024-03-05 11:32, 2024-03-05 11:32:06.480 or 11:32";
            Relayout();
            return;
        }
        EndPrompt($"went to {TimeMath.Full(time)} UTC · {Help}");
        JumpTo(time);
    }

    /// <summary>The search on a worker, while it runs; cancelled by a new search, Esc or a new query.</summary>
    private CancellationTokenSource? _finding;

    /// <summary>The last search started on a worker; complete once its result has been posted (or it was cancelled).</summary>
    public Task? Finding { get; private set; }

    /// <summary>
    /// Whether n/N (and Enter in the find bar) search on a worker: the TUI sets it once running, as
    /// <see cref="CountInBackground"/>. Off (the session's and screen's tests), a search lands before the key returns.
    /// </summary>
    public bool SearchInBackground { get; set; }

    /// <summary>
    /// n/N: the next (previous) row whose message holds the found text, paging through the results
    /// from the selected row. Up to <see cref="FindLimit"/> rows are read: on a 10M-event store that
    /// stalled the screen, so in the TUI it runs on a worker and the match is selected when it lands.
    /// </summary>
    private void FindNext(bool forward)
    {
        CancelFind();
        if (_found is null || _results.Current is not { } from)
        {
            _status = "nothing to find: f types the text · " + Help;
            return;
        }
        var source = _source;
        string text = _found;
        if (!SearchInBackground)
        {
            FindLanded(source, text, forward, Scan(source, text, from, forward, CancellationToken.None));
            return;
        }
        // What the store loads lazily is loaded here, so the worker only reads (as the diagnosis does).
        _ = _store.Sources();
        _ = _store.BlockSummaries;
        var cancel = new CancellationTokenSource();
        _finding = cancel;
        _status = $"searching… for '{text}' · Esc cancels · {Help}";
        var started = _context.FindStarted;
        Finding = Task.Run(() =>
        {
            ResultRow? hit;
            try
            {
                started(cancel.Token);
                hit = Scan(source, text, from, forward, cancel.Token);
            }
            catch (OperationCanceledException)
            {
                // Whoever cancelled it has said so in the status already.
                return;
            }
            catch (Exception e)
            {
                // Off the UI thread nothing would show it: "searching…" must not stay forever.
                Post(() =>
                {
                    if (_finding != cancel)
                        return;
                    _finding = null;
                    _status = $"the search failed: {e.Message} · {Help}";
                    Changed?.Invoke();
                });
                return;
            }
            Post(() =>
            {
                // A newer search, Esc or a new query came first: this result is not the one on screen.
                if (_finding != cancel)
                    return;
                _finding = null;
                FindLanded(source, text, forward, hit);
                Changed?.Invoke();
            });
        });
    }

    /// <summary>The row holding <paramref name="text"/> after (before) <paramref name="from"/>, or null within <see cref="FindLimit"/> rows.</summary>
    private static ResultRow? Scan(IResultSource source, string text, ResultRow from, bool forward, CancellationToken cancel)
    {
        var (time, id) = (from.Time, from.Id);
        for (int seen = 0; seen < FindLimit;)
        {
            cancel.ThrowIfCancellationRequested();
            var page = source.Page(time, id, 500, backward: !forward);
            if (page.Count == 0)
                break;
            var ordered = forward ? page : page.Reverse();
            foreach (var row in ordered)
            {
                if (row.Message.Contains(text, StringComparison.OrdinalIgnoreCase))
                    return row;
            }
            seen += page.Count;
            var last = forward ? page[^1] : page[0];
            (time, id) = (last.Time, last.Id);
        }
        return null;
    }

    private void FindLanded(IResultSource source, string text, bool forward, ResultRow? row)
    {
        // Only the results and text it searched: another query or find on screen keeps its rows.
        if (!ReferenceEquals(source, _source) || text != _found)
            return;
        if (row is null)
        {
            _status = $"'{text}' not found {(forward ? "after" : "before")} the selected row · {Help}";
            return;
        }
        _results.JumpToRow(row);
        _timeline.Follow(row.Time);
        _status = $"found '{text}' at {TimeMath.Full(row.Time)} · n/N next/previous · {Help}";
    }

    /// <summary>Stops the search on the worker, if one runs; true when one did.</summary>
    private bool CancelFind()
    {
        if (_finding is not { } running)
            return false;
        _finding = null;
        // Not disposed: the worker may still read its token; it holds no timer or registration of ours.
        running.Cancel();
        return true;
    }

    /// <summary>e/E and v/V: the next (previous) client error or server event in the store, taking the timeline and results there.</summary>
    private void NextInStore(EventScan scan, string what, bool forward)
    {
        long time = _results.Current?.Time ?? _timeline.Cursor;
        long id = _results.Current?.Id ?? 0;
        var browser = new EventBrowser(_store);
        var next = browser.Page(scan, new EventRef(time, forward ? id : id, default), 1, backward: !forward);
        if (next.Count == 0)
        {
            _status = $"no {what} {(forward ? "after" : "before")} {TimeMath.Full(time)} · {Help}";
            return;
        }
        JumpTo(next[0].Time);
        _status = $"{what} at {TimeMath.Full(next[0].Time)} · {Help}";
    }

    private void ToggleMark()
    {
        if (_results.Current is not { } row)
            return;
        if (!_marked.Remove(row.Id))
            _marked.Add(row.Id);
        _status = $"{_marked.Count} marked · c copies them · x exports them · u unmarks all · {Help}";
    }

    /// <summary>c: the marked rows (else the selected one) as text lines, to the clipboard through OSC 52.</summary>
    private void CopyRows()
    {
        IReadOnlyList<ResultRow> rows = _marked.Count > 0
            ? [.. _store.Resolve([.. _marked.Order()]).Select(e => RowText.Row(e, []))]
            : _results.Current is { } r ? [r] : [];
        if (rows.Count == 0)
            return;
        var text = string.Join('\n', rows.OrderBy(r => r.Time).Select(r => $"{TimeMath.Full(r.Time)}\t{r.Host}\t{r.Kind}\t{r.Code}\t{r.Message}"));
        _context.Copy(text);
        _status = $"copied {rows.Count} row{(rows.Count == 1 ? "" : "s")} to the clipboard (OSC 52) · {Help}";
    }
}
