namespace LogCorrelator.Cli.Tui;

/// <summary>
/// What the results pane shows: the visible rows, which one is selected, the query's total, the
/// rows marked for export or copy (by event id), and the text searched for in them. Total is null
/// while it is being counted (with the first histogram, on a worker).
/// </summary>
internal sealed record ResultsView(string Query, IReadOnlyList<ResultRow> Rows, int Selected, long? Total, bool IsJoin)
{
    public IReadOnlySet<long> Marked { get; init; } = new HashSet<long>();

    public string? Search { get; init; }

    /// <summary>"1 row", "12,345 rows", or "rows being counted" until the total is known.</summary>
    public string TotalText => Total switch
    {
        null => "rows being counted",
        1 => "1 row",
        { } n => $"{n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} rows",
    };
}
