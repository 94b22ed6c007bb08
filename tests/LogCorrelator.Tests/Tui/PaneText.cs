using LogCorrelator.Cli.Tui;
using Spectre.Console.Rendering;

namespace LogCorrelator.Tests.Tui;

/// <summary>Renders a pane to plain text on a fixed-width test console (no ANSI, no colour), one string per line.</summary>
internal static class PaneText
{
    public static string[] Lines(IRenderable pane, int width)
    {
        var text = new StringWriter();
        var console = FrameText.Console(text, width, 200, ansi: false, color: false, unicode: true);
        console.Write(pane);
        return text.ToString().TrimEnd('\n').Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
    }

    /// <summary>A content line as a pane of <paramref name="width"/> draws it: inside the border, padded with spaces.</summary>
    public static string Boxed(string content, int width) => "│" + content.PadRight(width - 2) + "│";
}
