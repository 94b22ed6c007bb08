using Terminal.Gui.ViewBase;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// A pane: a box with its title in the top border, drawn with <see cref="Glyphs"/> (so ASCII has a
/// fallback, which Terminal.Gui's line styles lack), and lines of painted text inside. A subview
/// (the results' table) may fill the inside instead.
/// </summary>
internal class PaneView : View
{
    private Func<int, IReadOnlyList<PaintedLine>> _lines = _ => [];

    public PaneView(Glyphs glyphs, Palette palette)
    {
        Glyphs = glyphs;
        Palette = palette;
        CanFocus = false;
    }

    protected Glyphs Glyphs { get; }

    protected Palette Palette { get; }

    public string PaneTitle { get; private set; } = "";

    /// <summary>Cells inside the border.</summary>
    public int InnerWidth => Math.Max(0, Viewport.Width - 2);

    public int InnerHeight => Math.Max(0, Viewport.Height - 2);

    public void Show(string title, IReadOnlyList<PaintedLine> lines) => Show(title, _ => lines);

    /// <summary>The lines are built when drawn, for the height the layout gave the pane by then.</summary>
    public void Show(string title, Func<int, IReadOnlyList<PaintedLine>> lines)
    {
        PaneTitle = title;
        _lines = lines;
        SetNeedsDraw();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        int w = Viewport.Width, h = Viewport.Height;
        if (w < 2 || h < 2)
            return true;
        var box = Palette[Paint.Dim];
        string title = CellText.Cut(PaneTitle, w - 3, Glyphs.Ellipsis);
        DrawLine(0, PaintedLine.Of(Glyphs.TopLeft.ToString(), Paint.Dim).Add(Glyphs.Horizontal.ToString(), Paint.Dim).Add(title, Paint.Label)
            .Add(new string(Glyphs.Horizontal, Math.Max(0, w - 3 - CellText.Width(title))), Paint.Dim).Add(Glyphs.TopRight.ToString(), Paint.Dim), w);
        var lines = SubViews.Count == 0 ? _lines(h - 2) : [];
        for (int y = 1; y < h - 1; y++)
        {
            SetAttribute(box);
            AddStr(0, y, Glyphs.Vertical.ToString());
            AddStr(w - 1, y, Glyphs.Vertical.ToString());
            if (SubViews.Count == 0)
                DrawLine(y, y - 1 < lines.Count ? lines[y - 1] : new PaintedLine(), w - 2, 1);
        }
        DrawLine(h - 1, PaintedLine.Of(Glyphs.BottomLeft + new string(Glyphs.Horizontal, w - 2) + Glyphs.BottomRight, Paint.Dim), w);
        return true;
    }

    /// <summary>Draws a line from column <paramref name="x"/>, cut to <paramref name="width"/> cells and padded with its fill.</summary>
    protected void DrawLine(int y, PaintedLine line, int width, int x = 0)
    {
        int used = 0;
        foreach (var (text, paint) in line.Pieces)
        {
            if (used >= width)
                break;
            string cut = CellText.Cut(text, width - used, Glyphs.Ellipsis);
            SetAttribute(Palette[paint]);
            AddStr(x + used, y, cut);
            used += CellText.Width(cut);
        }
        if (used < width)
        {
            SetAttribute(Palette[line.Fill]);
            AddStr(x + used, y, new string(' ', width - used));
        }
    }
}
