using Spectre.Console;

namespace LogCorrelator.Cli.Tui;

/// <summary>A list in place of the results: saved queries to run, or the diagnosis summary.</summary>
internal static class PickerPane
{
    private static readonly Style Note = new(Color.Grey);
    private static readonly Style Selected = new(decoration: Decoration.Invert);

    public static Panel Build(PickerView view, int width, int height, Glyphs glyphs)
    {
        int inner = width - 2;
        int room = Math.Max(1, height - 3);
        var lines = new List<Paragraph> { new StyledLine().Add(view.Note, Note).Fit(inner, glyphs) };
        // Keep the selection on screen: scroll the list by whole screens.
        int first = view.Selected < 0 ? 0 : view.Selected / room * room;
        for (int i = first; i < Math.Min(view.Items.Count, first + room); i++)
        {
            bool selected = i == view.Selected;
            lines.Add(new StyledLine().Add((selected ? glyphs.Selected : " ") + " " + view.Items[i], selected ? Selected : Style.Plain)
                .Fit(inner, glyphs, selected ? Selected : null));
        }
        return PaneFrame.Build(view.Title, lines, width, height, glyphs);
    }
}
