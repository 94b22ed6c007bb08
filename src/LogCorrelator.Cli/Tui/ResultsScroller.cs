namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The screenful of rows on show and the selected one. Every move asks the source for the rows
/// next to the ones on screen by key, so scrolling costs the same at any depth of the results.
/// </summary>
internal sealed class ResultsScroller
{
    private IResultSource? _source;
    private List<ResultRow> _rows = [];
    private int _height = 1;

    public IReadOnlyList<ResultRow> Rows => _rows;

    public int Selected { get; private set; } = -1;

    public ResultRow? Current => Selected >= 0 && Selected < _rows.Count ? _rows[Selected] : null;

    public void Reset(IResultSource source, int height)
    {
        _source = source;
        _height = Math.Max(1, height);
        Home();
    }

    public void Resize(int height)
    {
        _height = Math.Max(1, height);
        if (Current is { } row)
            Show(Source.Page(row.Time, row.Id - 1, _height, backward: false), Source.Page(row.Time, row.Id, _height, backward: true));
        else
            Home();
    }

    public void Home() => Show(Source.Page(long.MinValue, 0, _height, backward: false), []);

    public void End()
    {
        _rows = [.. Source.Page(long.MaxValue, long.MaxValue, _height, backward: true)];
        Selected = _rows.Count - 1;
    }

    /// <summary>Shows the first row at or after <paramref name="time"/> first on screen, selected; the last rows when none is.</summary>
    public void JumpTo(long time) =>
        Show(Source.Page(time, 0, _height, backward: false), Source.Page(time, 0, _height, backward: true));

    /// <summary>Shows <paramref name="row"/> first on screen, selected (a find's match).</summary>
    public void JumpToRow(ResultRow row) =>
        Show(Source.Page(row.Time, row.Id - 1, _height, backward: false), Source.Page(row.Time, row.Id, _height, backward: true));

    /// <summary>Selects a row on screen by its index (a click).</summary>
    public void Select(int index)
    {
        if (index >= 0 && index < _rows.Count)
            Selected = index;
    }

    public void Down()
    {
        if (Selected < _rows.Count - 1)
        {
            Selected++;
            return;
        }
        if (_rows.Count == 0)
            return;
        var next = Source.Page(_rows[^1].Time, _rows[^1].Id, 1, backward: false);
        if (next.Count == 0)
            return;
        _rows.Add(next[0]);
        if (_rows.Count > _height)
            _rows.RemoveAt(0);
        Selected = _rows.Count - 1;
    }

    public void Up()
    {
        if (Selected > 0)
        {
            Selected--;
            return;
        }
        if (_rows.Count == 0)
            return;
        var prev = Source.Page(_rows[0].Time, _rows[0].Id, 1, backward: true);
        if (prev.Count == 0)
            return;
        _rows.Insert(0, prev[0]);
        if (_rows.Count > _height)
            _rows.RemoveAt(_rows.Count - 1);
        Selected = 0;
    }

    public void PageDown()
    {
        if (_rows.Count == 0)
            return;
        var next = Source.Page(_rows[^1].Time, _rows[^1].Id, _height, backward: false);
        if (next.Count == 0)
        {
            Selected = _rows.Count - 1;
            return;
        }
        _rows = [.. _rows.Concat(next).TakeLast(_height)];
        Selected = Math.Min(Selected, _rows.Count - 1);
    }

    public void PageUp()
    {
        if (_rows.Count == 0)
            return;
        var prev = Source.Page(_rows[0].Time, _rows[0].Id, _height, backward: true);
        if (prev.Count == 0)
        {
            Selected = 0;
            return;
        }
        _rows = [.. prev.Concat(_rows).Take(_height)];
    }

    private IResultSource Source => _source ?? throw new InvalidOperationException("no query opened");

    /// <summary>
    /// Fills the screen from <paramref name="forward"/> (the first becomes selected) and tops it up
    /// from the end of <paramref name="backward"/> when there are too few rows after.
    /// </summary>
    private void Show(IReadOnlyList<ResultRow> forward, IReadOnlyList<ResultRow> backward)
    {
        int need = Math.Min(backward.Count, _height - forward.Count);
        _rows = [.. backward.Skip(backward.Count - Math.Max(0, need)), .. forward];
        Selected = forward.Count > 0 ? Math.Max(0, need) : _rows.Count - 1;
    }
}
