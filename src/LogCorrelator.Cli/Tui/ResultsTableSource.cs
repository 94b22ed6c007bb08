using Terminal.Gui.Views;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The table behind the results' <see cref="TableView"/>: the screenful of rows the session has
/// paged from the store (never all the results), with the columns of <c>logcorr query</c> and, for
/// a join, the nearest justifying event and its delta. The cells are formatted once: the table
/// reads each several times per frame (column widths, then drawing).
/// </summary>
internal sealed class ResultsTableSource : ITableSource
{
    private static readonly string[] Plain = [" ", "TIME (UTC)", "HOST", "KIND", "CODE", "MESSAGE"];
    private static readonly string[] Join = [" ", "TIME (UTC)", "HOST", "KIND", "CODE", "MATCHED", "DELTA", "MESSAGE"];

    private readonly string[][] _cells;

    public ResultsTableSource(ResultsView view, Glyphs glyphs)
    {
        ColumnNames = view.IsJoin ? Join : Plain;
        _cells = new string[view.Rows.Count][];
        for (int row = 0; row < _cells.Length; row++)
        {
            _cells[row] = new string[ColumnNames.Length];
            for (int col = 0; col < ColumnNames.Length; col++)
                _cells[row][col] = Cell(view, glyphs, row, col);
        }
    }

    public string[] ColumnNames { get; }

    public int Columns => ColumnNames.Length;

    public int Rows => _cells.Length;

    public object this[int row, int col] => _cells[row][col];

    private static string Cell(ResultsView view, Glyphs glyphs, int row, int col)
    {
        var r = view.Rows[row];
        if (col == 0)
            return row == view.Selected ? glyphs.Selected : view.Marked.Contains(r.Id) ? glyphs.Mark : " ";
        return (view.IsJoin ? col : col < 5 ? col : col + 2) switch
        {
            1 => TimeMath.Full(r.Time),
            2 => r.Host,
            3 => r.Kind,
            4 => r.Code,
            5 => Nearest(r),
            6 => r.Related.Count > 0 ? Delta(r.Related[0].DeltaSeconds) : "",
            _ => CellText.Clean(r.Message),
        };
    }

    /// <summary>The nearest justifying event of a join row, as "kind host".</summary>
    public static string Nearest(ResultRow row) => row.Related.Count > 0 ? $"{row.Related[0].Kind} {row.Related[0].Host}" : "";

    public static string Delta(double seconds) => Output.Formats.Delta(seconds);
}
