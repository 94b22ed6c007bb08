using System.Text;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The characters the views draw with: block elements and rounded box drawing on a UTF-8 terminal,
/// plain ASCII otherwise (a Latin-1 console or a serial line would show box drawing as garbage).
/// </summary>
internal sealed record Glyphs(string Bars, string Ellipsis, string Selected, string Cursor, string Box, string Mark)
{
    /// <summary>Bar heights in eighths, from empty to full; box: top-left, top-right, bottom-left, bottom-right, horizontal, vertical.</summary>
    public static Glyphs Unicode { get; } = new(" ▁▂▃▄▅▆▇█", "…", "›", "▲", "╭╮╰╯─│", "●");

    public static Glyphs Ascii { get; } = new(" ..::||##", "~", ">", "^", "++++-|", "*");

    /// <summary>Unicode when the console writes UTF-8 (.NET takes it from LANG/LC_ALL on Unix).</summary>
    public static Glyphs FromConsole() => Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage ? Unicode : Ascii;

    public char TopLeft => Box[0];

    public char TopRight => Box[1];

    public char BottomLeft => Box[2];

    public char BottomRight => Box[3];

    public char Horizontal => Box[4];

    public char Vertical => Box[5];
}
