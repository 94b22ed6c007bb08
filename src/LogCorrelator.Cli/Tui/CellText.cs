using System.Text;
using Spectre.Console;

namespace LogCorrelator.Cli.Tui;

/// <summary>Text made safe and sized for a terminal cell grid.</summary>
internal static class CellText
{
    /// <summary>
    /// Log text may hold tabs, carriage returns or escape sequences: drawn raw they would move the
    /// cursor or restyle the screen. Tabs become spaces, other control characters a middle dot.
    /// </summary>
    public static string Clean(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001f') && !text.Contains('\u007f', StringComparison.Ordinal))
            return text;
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
            sb.Append(c == '\t' ? "    " : char.IsControl(c) ? "·" : c.ToString());
        return sb.ToString();
    }

    /// <summary>Cells the text takes on a terminal (wide CJK characters take two).</summary>
    public static int Width(string text) => text.GetCellWidth();

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="width"/> cells, ending with an ellipsis when cut.</summary>
    public static string Cut(string text, int width, string ellipsis = "…")
    {
        if (width <= 0)
            return "";
        if (text.GetCellWidth() <= width)
            return text;
        var sb = new StringBuilder();
        int cells = 0, room = width - ellipsis.Length;
        foreach (char c in text)
        {
            int w = c.GetCellWidth();
            if (cells + w > room)
                break;
            sb.Append(c);
            cells += w;
        }
        return sb.Append(ellipsis).ToString();
    }

    /// <summary>Cut or padded with spaces to exactly <paramref name="width"/> cells.</summary>
    public static string Fit(string text, int width, string ellipsis = "…")
    {
        string cut = Cut(text, width, ellipsis);
        int pad = width - cut.GetCellWidth();
        return pad > 0 ? cut + new string(' ', pad) : cut;
    }
}
