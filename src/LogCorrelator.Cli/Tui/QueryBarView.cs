namespace LogCorrelator.Cli.Tui;

/// <summary>The query being edited, the caret's index in it, and the error of the last run (the formatted syntax error).</summary>
internal sealed record QueryBarView(string Text, int Caret, string? Error);
