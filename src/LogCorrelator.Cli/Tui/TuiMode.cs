namespace LogCorrelator.Cli.Tui;

/// <summary>What the keys drive: the panes, the bottom prompt, or a list in place of the results.</summary>
internal enum TuiMode
{
    Browse,
    Query,
    Saved,
    Diagnosis,
    Help,
    Sources,
    Raw,
}
