using System.Globalization;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The results: a <see cref="TableView"/> inside a pane, over <see cref="ResultsTableSource"/>. The
/// table never takes the focus: the screen's keys move the session's rows and the table shows them.
/// The selected row is reversed (visible without colour), marked rows carry a dot, and the searched
/// text is highlighted where it occurs in a cell (<see cref="ResultsTable"/>).
/// </summary>
internal sealed class ResultsPane : PaneView
{
    private readonly ResultsTable _table;
    private ResultsView? _view;

    public ResultsPane(Glyphs glyphs, Palette palette)
        : base(glyphs, palette)
    {
        _table = new ResultsTable(palette)
        {
            X = 1,
            Y = 1,
            Width = Dim.Fill(1),
            Height = Dim.Fill(1),
            CanFocus = false,
            FullRowSelect = true,
        };
        _table.Style.ShowHorizontalHeaderOverline = false;
        _table.Style.ShowHorizontalHeaderUnderline = false;
        _table.Style.ShowHorizontalBottomLine = false;
        _table.Style.ShowVerticalCellLines = false;
        _table.Style.ShowVerticalHeaderLines = false;
        _table.Style.ExpandLastColumn = true;
        _table.Style.AlwaysShowHeaders = true;
        _table.Style.RowColorGetter = args => RowScheme(args.RowIndex);
        _table.SetScheme(palette.Scheme(Paint.Normal));
        Add(_table);
    }

    /// <summary>The rows' table, for tests and the mouse.</summary>
    public TableView Table => _table;

    /// <summary>A click on a row: its index among the rows on screen.</summary>
    public event Action<int>? RowClicked;

    public void Show(ResultsView view)
    {
        _view = view;
        _table.Table = new ResultsTableSource(view, Glyphs);
        _table.Search = view.Search;
        _table.RowOffset = 0;
        if (view.Rows.Count > 0)
            _table.SetSelection(0, Math.Max(0, view.Selected), false);
        string total = view.TotalText;
        string span = view.Rows.Count > 0 ? $" · showing {TimeMath.Full(view.Rows[0].Time)} – {TimeMath.Full(view.Rows[^1].Time)}" : " · no rows: the query matched nothing";
        string marked = view.Marked.Count > 0 ? $" · {view.Marked.Count.ToString(CultureInfo.InvariantCulture)} marked" : "";
        string search = view.Search is { Length: > 0 } s ? $" · search '{s}'" : "";
        Show($"Results · {view.Query} · {total}{span}{marked}{search} · ↑/↓ PgUp/PgDn Home/End  Enter detail", []);
        _table.SetNeedsDraw();
    }

    protected override bool OnMouseEvent(Terminal.Gui.Input.Mouse mouse)
    {
        if (mouse.Flags.HasFlag(Terminal.Gui.Input.MouseFlags.LeftButtonClicked) && mouse.Position is { } p && p.Y >= 2)
        {
            RowClicked?.Invoke(p.Y - 2);
            return true;
        }
        return false;
    }

    private Scheme? RowScheme(int row)
    {
        if (_view is null || row < 0 || row >= _view.Rows.Count)
            return null;
        if (row == _view.Selected)
            return Palette.Scheme(Paint.Selected);
        if (_view.Marked.Contains(_view.Rows[row].Id))
            return Palette.Scheme(Paint.Marked);
        return null;
    }
}
