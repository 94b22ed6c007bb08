using Terminal.Gui.ViewBase;

namespace LogCorrelator.Cli.Tui;

/// <summary>Lines of painted text with no border: the title line, the status bar, the errors under the query bar.</summary>
internal sealed class StripView : PaneView
{
    private IReadOnlyList<PaintedLine> _lines = [];

    public StripView(Glyphs glyphs, Palette palette)
        : base(glyphs, palette)
    {
    }

    public IReadOnlyList<PaintedLine> Lines => _lines;

    public void Show(IReadOnlyList<PaintedLine> lines)
    {
        _lines = lines;
        SetNeedsDraw();
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        for (int y = 0; y < Viewport.Height; y++)
            DrawLine(y, y < _lines.Count ? _lines[y] : new PaintedLine(), Viewport.Width);
        return true;
    }
}
