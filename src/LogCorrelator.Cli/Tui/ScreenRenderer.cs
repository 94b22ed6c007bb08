using Spectre.Console;
using Spectre.Console.Rendering;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// Draws a whole frame to the injected console: the terminal's in <c>logcorr tui</c>, a string
/// writer of fixed width in tests. Exactly <see cref="ScreenLayout.Height"/> lines, each full width.
/// </summary>
internal sealed class ScreenRenderer(IAnsiConsole console)
{
    private static readonly Style TitleStyle = new(decoration: Decoration.Invert | Decoration.Bold);
    private static readonly Style StatusStyle = new(Color.Grey);

    public Glyphs Glyphs => console.Profile.Capabilities.Unicode ? Glyphs.Unicode : Glyphs.Ascii;

    public void Render(ScreenView view, ScreenLayout layout) => console.Write(Build(view, layout, Glyphs));

    public static IRenderable Build(ScreenView view, ScreenLayout layout, Glyphs glyphs)
    {
        int w = layout.Width;
        if (layout.TooSmall)
        {
            var small = new List<IRenderable> { new StyledLine().Add($"terminal too small: {w}x{layout.Height}, logcorr tui needs {ScreenLayout.MinWidth}x{ScreenLayout.MinHeight}; q quits").Fit(w, glyphs) };
            while (small.Count < layout.Height)
                small.Add(new StyledLine().Fit(w, glyphs));
            return new Rows(small);
        }
        var parts = new List<IRenderable>
        {
            new StyledLine().Add(" " + view.Title, TitleStyle).Fit(w, glyphs, TitleStyle),
            TimelinePane.Build(view.Timeline, w, layout.Timeline, glyphs),
        };
        if (view.Overlay is not null)
        {
            parts.Add(PickerPane.Build(view.Overlay, w, layout.Results + layout.Detail, glyphs));
        }
        else
        {
            parts.Add(ResultsPane.Build(view.Results, w, layout.Results, glyphs));
            if (view.Detail is not null && layout.Detail > 0)
                parts.Add(DetailPane.Build(view.Detail, w, layout.Detail, glyphs));
            else if (layout.Detail > 0)
                parts.Add(PaneFrame.Build("Detail · no row selected", [], w, layout.Detail, glyphs));
        }
        var bottom = view.QueryBar is not null
            ? QueryBarPane.Build(view.QueryBar, w, glyphs)
            : [new StyledLine().Add(view.Status, StatusStyle).Fit(w, glyphs)];
        for (int i = 0; i < layout.Bottom; i++)
            parts.Add(i < bottom.Count ? bottom[i] : new StyledLine().Fit(w, glyphs));
        return new Rows(parts);
    }
}
