using Terminal.Gui.Views;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The table behind the results' <see cref="TableView"/>: the screenful of rows the session has
/// paged from the store (never all the results), with the columns of <c>logcorr query</c> and, for
/// a join, the nearest justifying event and its delta.
/// </summary>
internal sealed class ResultsTableSource(ResultsView view, Glyphs glyphs) : ITableSource
{
    private static readonly string[] Plain = [" ", "TIME (UTC)", "HOST", "KIND", "CODE", "MESSAGE"];
    private static readonly string[] Join = [" ", "TIME (UTC)", "HOST", "KIND", "CODE", "MATCHED", "DELTA", "MESSAGE"];

    public string[] ColumnNames => view.IsJoin ? Join : Plain;

    public int Columns => ColumnNames.Length;

    public int Rows => view.Rows.Count;

    public object this[int row, int col]
    {
        get
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
    }

    /// <summary>The nearest justifying event of a join row, as "kind host".</summary>
    public static string Nearest(ResultRow row) => row.Related.Count > 0 ? $"{row.Related[0].Kind} {row.Related[0].Host}" : "";

    public static string Delta(double seconds) => Output.Formats.Delta(seconds);
}
