using Spectre.Console;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// One screen line built from styled pieces, cut or padded to an exact width so that Spectre never
/// wraps it and every frame overwrites the whole previous one.
/// </summary>
internal sealed class StyledLine
{
    private readonly List<(string Text, Style Style)> _parts = [];

    public StyledLine Add(string text, Style? style = null)
    {
        _parts.Add((CellText.Clean(text), style ?? Style.Plain));
        return this;
    }

    /// <summary>The line as a paragraph of exactly <paramref name="width"/> cells; padding takes <paramref name="fill"/>.</summary>
    public Paragraph Fit(int width, Glyphs glyphs, Style? fill = null)
    {
        var p = new Paragraph();
        int used = 0;
        foreach (var (text, style) in _parts)
        {
            int room = width - used;
            if (room <= 0)
                break;
            string piece = CellText.Cut(text, room, glyphs.Ellipsis);
            if (piece.Length > 0)
                p.Append(piece, style);
            used += piece.GetCellWidth();
        }
        if (used < width)
            p.Append(new string(' ', width - used), fill ?? Style.Plain);
        return p;
    }
}
