using Spectre.Console;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// Renders a frame to one string through a Spectre console over a string writer, so the terminal
/// gets it in a single write (no flicker) and tests get the same text without a terminal.
/// </summary>
internal static class FrameText
{
    public static IAnsiConsole Console(StringWriter into, int width, int height, bool ansi, bool color, bool unicode)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = ansi ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(into),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = width;
        console.Profile.Height = height;
        console.Profile.Capabilities.Unicode = unicode;
        return console;
    }

    public static string Render(ScreenView view, ScreenLayout layout, bool ansi, bool color, bool unicode)
    {
        var text = new StringWriter();
        new ScreenRenderer(Console(text, layout.Width, layout.Height, ansi, color, unicode)).Render(view, layout);
        // The last line's newline would scroll a full screen up by one.
        return text.ToString().TrimEnd('\n', '\r');
    }
}
