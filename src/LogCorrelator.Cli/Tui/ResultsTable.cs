using Terminal.Gui.Views;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The results' <see cref="TableView"/>, drawing the text a find looks for in the found paint
/// inside the cells that hold it, the rest of the cell in the row's own attribute: the row is
/// read as it is, and the eye goes to the match (lnav's habit; a whole highlighted row hid which
/// word matched and looked like a selection).
/// </summary>
internal sealed class ResultsTable(Palette palette) : TableView
{
    /// <summary>The text searched for (any case); null or empty: nothing is highlighted.</summary>
    public string? Search { get; set; }

    protected override void RenderCell(Terminal.Gui.Drawing.Attribute cellAttribute, string render, bool isPrimaryCell)
    {
        int at = Search is { Length: > 0 } s ? render.IndexOf(s, StringComparison.OrdinalIgnoreCase) : -1;
        if (at < 0)
        {
            base.RenderCell(cellAttribute, render, isPrimaryCell);
            return;
        }
        int from = 0;
        while (at >= 0)
        {
            Draw(cellAttribute, render[from..at]);
            Draw(palette[Paint.Found], render.Substring(at, Search!.Length));
            from = at + Search.Length;
            at = render.IndexOf(Search, from, StringComparison.OrdinalIgnoreCase);
        }
        Draw(cellAttribute, render[from..]);
    }

    private void Draw(Terminal.Gui.Drawing.Attribute attribute, string text)
    {
        if (text.Length == 0)
            return;
        SetAttribute(attribute);
        AddStr(text);
    }
}
