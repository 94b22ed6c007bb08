namespace LogCorrelator.Cli.Tui;

/// <summary>
/// What the results pane shows: the visible rows, which one is selected, the query's total, the
/// rows marked for export or copy (by event id), and the text searched for in them.
/// </summary>
internal sealed record ResultsView(string Query, IReadOnlyList<ResultRow> Rows, int Selected, long Total, bool IsJoin)
{
    public IReadOnlySet<long> Marked { get; init; } = new HashSet<long>();

    public string? Search { get; init; }
}
