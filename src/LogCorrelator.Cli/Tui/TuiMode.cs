namespace LogCorrelator.Cli.Tui;

/// <summary>What the keys drive: the panes, the query bar, or a list in place of the results.</summary>
internal enum TuiMode
{
    Browse,
    Query,
    Saved,
    Diagnosis,
    Help,
}
