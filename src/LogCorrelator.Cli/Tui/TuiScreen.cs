using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The whole screen as Terminal.Gui views: title line, timeline, results table (or a list in its
/// place), detail, and the status bar or the query bar. Keys go to <see cref="TuiSession"/> (the
/// query bar's text field edits its own text); after each, every view is refreshed from the
/// session's <see cref="ScreenView"/>. A resize re-lays the session out to the new size.
/// </summary>
internal sealed class TuiScreen : Runnable
{
    private readonly TuiSession _session;
    private readonly StripView _title;
    private readonly TimelineCanvas _timeline;
    private readonly ResultsPane _results;
    private readonly ListCanvas _list;
    private readonly DetailCanvas _detail;
    private readonly StatusLine _status;
    private readonly StripView _prompt;
    private readonly QueryField _field;
    private readonly StripView _errors;
    private bool _editing;
    private Terminal.Gui.App.SessionToken? _exportToken;

    public TuiScreen(TuiSession session, Glyphs glyphs, Palette palette)
    {
        _session = session;
        Glyphs = glyphs;
        Palette = palette;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        BorderStyle = Terminal.Gui.Drawing.LineStyle.None;
        _title = new StripView(glyphs, palette);
        _timeline = new TimelineCanvas(glyphs, palette);
        _results = new ResultsPane(glyphs, palette);
        _list = new ListCanvas(glyphs, palette);
        _detail = new DetailCanvas(glyphs, palette);
        _status = new StatusLine(glyphs, palette);
        _status.Pressed += key => OnKeyDown(key);
        _prompt = new StripView(glyphs, palette);
        _errors = new StripView(glyphs, palette);
        _field = new QueryField { Intercept = QueryKey };
        _field.SetScheme(palette.Scheme(Paint.Normal));
        SetScheme(palette.Scheme(Paint.Normal));
        Add(_title, _timeline, _results, _list, _detail, _status, _prompt, _field, _errors);

        _timeline.Zoomed += (finer, column) => Act(() => _session.ZoomAt(finer, column));
        _timeline.Panned += buckets => Act(() => _session.Pan(buckets));
        _timeline.Clicked += column => Act(() => _session.FilterToBucket(column));
        _results.RowClicked += row => Act(() => _session.SelectRow(row));
        _list.ItemClicked += item => Act(() => _session.PickItem(item));
        _session.ExportAsked += OpenExport;
        FrameChanged += (_, _) => FitToFrame();
        Refresh();
    }

    public Glyphs Glyphs { get; }

    public Palette Palette { get; }

    /// <summary>Raised when a key or the mouse asks to quit (q, Ctrl+C, Esc when nothing is open).</summary>
    public event Action? Quit;

    /// <summary>The export dialog while it is open (for tests).</summary>
    public ExportDialog? ExportDialog { get; private set; }

    /// <summary>The text of the query bar's field (for tests).</summary>
    public string FieldText => _field.Text;

    protected override bool OnKeyDown(Key key)
    {
        if (_editing)
            return false;
        if (!_session.Handle(KeyText.ToConsole(key)))
        {
            Quit?.Invoke();
            return true;
        }
        Refresh();
        return true;
    }

    /// <summary>Enter, Esc, ↑/↓ and Tab in the query bar, Ctrl+C anywhere.</summary>
    private bool QueryKey(Key key)
    {
        if (key == Key.C.WithCtrl)
        {
            Quit?.Invoke();
            return true;
        }
        if (key == Key.Enter)
            _session.Submit(_field.Text);
        else if (key == Key.Esc)
            _session.Handle(new ConsoleKeyInfo('\u001b', ConsoleKey.Escape, false, false, false));
        else if (key == Key.CursorUp || key == Key.CursorDown)
            SetField(_session.History(key == Key.CursorUp ? -1 : 1, _field.Text));
        else if (key == Key.Tab)
            SetField(_session.Complete(_field.Text, _field.InsertionPoint));
        Refresh();
        return true;
    }

    /// <summary>
    /// <c>x</c>: the export dialog, begun over the screen (not run in a nested loop: the screen's
    /// loop keeps going, and the headless tests drive it the same way); it takes the keys until closed.
    /// </summary>
    private void OpenExport()
    {
        if (ExportDialog is not null || App is null)
            return;
        var dialog = new ExportDialog(_session.ExportWhat, "logcorr-export.csv", Palette) { Write = _session.Export };
        ExportDialog = dialog;
        dialog.Closed += () =>
        {
            if (_exportToken is { } token)
                App?.End(token);
            _exportToken = null;
            ExportDialog = null;
            Refresh();
        };
        _exportToken = App.Begin(dialog);
    }

    private void SetField((string Text, int Caret) edit)
    {
        _field.Text = edit.Text;
        _field.InsertionPoint = edit.Caret;
    }

    private void Act(Action action)
    {
        action();
        Refresh();
    }

    private void FitToFrame()
    {
        var size = Frame.Size;
        if (size.Width > 0 && size.Height > 0 && (size.Width != _session.Layout.Width || size.Height != _session.Layout.Height))
        {
            _session.Resize(size.Width, size.Height);
            Refresh();
        }
    }

    /// <summary>Places every view by the session's layout and shows the session's current frame.</summary>
    public void Refresh()
    {
        var layout = _session.Layout;
        var view = _session.View();
        int w = layout.Width, y = 0;
        Place(_title, 0, 1);
        _title.Show([PaintedLine.Of(" " + view.Title, Paint.Title).FillWith(Paint.Title)]);
        y = 1;
        if (layout.TooSmall)
        {
            _title.Show([PaintedLine.Of($"terminal too small: {w}x{layout.Height}, logcorr tui needs {ScreenLayout.MinWidth}x{ScreenLayout.MinHeight}; q quits")]);
            foreach (var v in new View[] { _timeline, _results, _list, _detail, _status, _prompt, _field, _errors })
                v.Visible = false;
            SetNeedsDraw();
            return;
        }
        Place(_timeline, y, layout.Timeline);
        _timeline.Show(view.Timeline);
        y += layout.Timeline;

        bool overlay = view.Overlay is not null;
        _results.Visible = !overlay;
        _list.Visible = overlay;
        _detail.Visible = !overlay && layout.Detail > 0;
        if (overlay)
        {
            Place(_list, y, layout.Results + layout.Detail);
            _list.Show(view.Overlay!);
        }
        else
        {
            Place(_results, y, layout.Results);
            _results.Show(view.Results);
            if (layout.Detail > 0)
            {
                Place(_detail, y + layout.Results, layout.Detail);
                _detail.Show(view.Detail);
            }
        }
        y += layout.Results + layout.Detail;

        bool editing = view.QueryBar is not null;
        _status.Visible = !editing;
        _prompt.Visible = _field.Visible = _errors.Visible = editing;
        if (editing)
        {
            var bar = view.QueryBar!;
            _prompt.X = 0;
            _prompt.Y = y;
            _prompt.Width = 2;
            _prompt.Height = 1;
            _prompt.Show([PaintedLine.Of(bar.Prompt + " ", Paint.Prompt)]);
            _field.X = 2;
            _field.Y = y;
            _field.Width = Math.Max(1, w - 2);
            _field.Height = 1;
            if (!_editing)
            {
                // Opening the bar: the field starts from the session's text with the caret at the end.
                _field.Text = bar.Text;
                _field.InsertionPoint = bar.Text.Length;
                _field.SetFocus();
            }
            Place(_errors, y + 1, Math.Max(0, layout.Bottom - 1));
            var hint = PaintedLine.Of(bar.Hint, Paint.Dim);
            _errors.Show([.. (bar.Error ?? "").Split('\n').Where(l => l.Length > 0).Select(l => PaintedLine.Of(l, Paint.Error)), hint]);
        }
        else
        {
            Place(_status, y, 1);
            _status.Show(StatusText(view));
            if (_editing)
                SetFocus();
        }
        _editing = editing;
        SetNeedsDraw();
    }

    /// <summary>
    /// The status bar's message: what the last action said (without the key list the session ends
    /// it with: the shortcuts show the keys), then the rows: the selected row's time of how many.
    /// </summary>
    private static string StatusText(ScreenView view)
    {
        string said = view.Status == TuiSession.Help ? "" : view.Status.Replace(" · " + TuiSession.Help, "", StringComparison.Ordinal);
        var r = view.Results;
        string rows = r.TotalText;
        string at = r.Selected >= 0 && r.Selected < r.Rows.Count ? $"{TimeMath.Full(r.Rows[r.Selected].Time)} of {rows}" : rows;
        return said.Length > 0 ? $"{said} · {at}" : at;
    }

    /// <summary>
    /// Sets a view's place only when it moved: a new position makes Terminal.Gui lay out and redraw
    /// the whole screen, where a key that only changes content needs its views drawn again.
    /// </summary>
    private static void Place(View view, int y, int height)
    {
        height = Math.Max(0, height);
        if (view.Visible == height > 0 && view.Y is PosAbsolute { Position: var at } && at == y && view.Height is DimAbsolute { Size: var size } && size == height && view.X is PosAbsolute { Position: 0 } && view.Width is DimFill)
            return;
        view.Visible = height > 0;
        view.X = 0;
        view.Y = y;
        view.Width = Dim.Fill();
        view.Height = Math.Max(0, height);
    }
}
