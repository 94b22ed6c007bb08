using Spectre.Console;
using Spectre.Console.Rendering;

namespace LogCorrelator.Cli.Tui;

/// <summary>The bordered box every pane is drawn in: exactly <c>height</c> lines, content cut to fit.</summary>
internal static class PaneFrame
{
    public static Panel Build(string title, IReadOnlyList<Paragraph> lines, int width, int height, Glyphs glyphs)
    {
        int inner = Math.Max(1, height - 2);
        var rows = new List<IRenderable>(inner);
        for (int i = 0; i < inner; i++)
            rows.Add(i < lines.Count ? lines[i] : new StyledLine().Fit(width - 2, glyphs));
        return new Panel(new Rows(rows))
        {
            Header = new PanelHeader(Markup.Escape(CellText.Cut(" " + title + " ", Math.Max(1, width - 4), glyphs.Ellipsis))),
            Border = BoxBorder.Rounded,
            Padding = new Padding(0, 0),
            Expand = true,
            Width = width,
            Height = height,
        };
    }
}
