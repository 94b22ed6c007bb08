namespace LogCorrelator.Cli.Tui;

/// <summary>A list in place of the results (saved queries, the diagnosis, sources, help): a note, then the items, the selected one reversed.</summary>
internal sealed class ListCanvas(Glyphs glyphs, Palette palette) : PaneView(glyphs, palette)
{
    /// <summary>A click on an item: its index in the list.</summary>
    public event Action<int>? ItemClicked;

    private int _first;

    public void Show(PickerView view) => Show(view.Title, inner => Lines(view, Math.Max(1, inner - 1)));

    private List<PaintedLine> Lines(PickerView view, int room)
    {
        // Keep the selection on screen: scroll the list by whole screens.
        _first = view.Selected < 0 ? Math.Clamp(view.Scroll, 0, Math.Max(0, view.Items.Count - room)) : view.Selected / room * room;
        var lines = new List<PaintedLine> { PaintedLine.Of(view.Note, Paint.Dim) };
        for (int i = _first; i < Math.Min(view.Items.Count, _first + room); i++)
        {
            bool selected = i == view.Selected;
            lines.Add(selected
                ? PaintedLine.Of(Glyphs.Selected + " " + view.Items[i], Paint.Selected).FillWith(Paint.Selected)
                : PaintedLine.Of("  " + view.Items[i]));
        }
        return lines;
    }

    protected override bool OnMouseEvent(Terminal.Gui.Input.Mouse mouse)
    {
        if (mouse.Flags.HasFlag(Terminal.Gui.Input.MouseFlags.LeftButtonClicked) && mouse.Position is { } p && p.Y >= 2)
        {
            ItemClicked?.Invoke(_first + p.Y - 2);
            return true;
        }
        return false;
    }
}
