namespace LogCorrelator.Cli.Tui;

/// <summary>
/// One whole frame as plain data: the title line, the three panes, an optional overlay in place of
/// the results, the query bar when open, and the help or status line.
/// </summary>
internal sealed record ScreenView(
    string Title,
    TimelineView Timeline,
    ResultsView Results,
    DetailView? Detail,
    PickerView? Overlay,
    QueryBarView? QueryBar,
    string Status);
