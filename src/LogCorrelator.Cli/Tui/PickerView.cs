namespace LogCorrelator.Cli.Tui;

/// <summary>A list overlay (saved queries, the diagnosis): a title, a note saying where the items come from, and the items.</summary>
internal sealed record PickerView(string Title, string Note, IReadOnlyList<string> Items, int Selected);
