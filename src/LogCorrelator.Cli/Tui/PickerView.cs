namespace LogCorrelator.Cli.Tui;

/// <summary>
/// A list in place of the results (saved queries, the diagnosis, sources, help): a title, a note
/// saying where the items come from, the items, the selected one (-1: none, the list scrolls by <see cref="Scroll"/>).
/// </summary>
internal sealed record PickerView(string Title, string Note, IReadOnlyList<string> Items, int Selected)
{
    public int Scroll { get; init; }
}
