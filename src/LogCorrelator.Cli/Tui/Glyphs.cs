namespace LogCorrelator.Cli.Tui;

/// <summary>The characters the panes draw with: block elements on a Unicode terminal, plain ASCII otherwise.</summary>
internal sealed record Glyphs(string Bars, string Ellipsis, string Selected, string Cursor)
{
    /// <summary>Bar heights in eighths, from empty to full.</summary>
    public static Glyphs Unicode { get; } = new(" ▁▂▃▄▅▆▇█", "…", "›", "▲");

    public static Glyphs Ascii { get; } = new(" ..::||##", "~", ">", "^");
}
