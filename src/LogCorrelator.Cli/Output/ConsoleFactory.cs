using Spectre.Console;

namespace LogCorrelator.Cli.Output;

/// <summary>
/// The <see cref="IAnsiConsole"/> a report is written to. Colours and escape codes only on a real
/// terminal, none when NO_COLOR is set (https://no-color.org) or the output is a file, a pipe or a
/// test's writer; those get a fixed width, and lines without the padding Spectre adds, so the
/// text does not depend on where it was run.
/// </summary>
internal static class ConsoleFactory
{
    public const int FileWidth = 120;

    public static bool IsTerminal(TextWriter writer) => ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;

    public static void Render(TextWriter writer, Action<IAnsiConsole> write)
    {
        if (IsTerminal(writer))
        {
            write(Create(writer, terminal: true));
            return;
        }
        var text = new StringWriter { NewLine = "\n" };
        write(Create(text, terminal: false));
        // No-break spaces only steer the wrapping; in a file they would defeat a search for "58 s".
        foreach (var line in text.ToString().Split('\n').SkipLast(1))
            writer.WriteLine(line.TrimEnd().Replace('\u00A0', ' '));
    }

    public static IAnsiConsole Create(TextWriter writer, bool terminal)
    {
        bool noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal && !noColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!terminal)
            console.Profile.Width = FileWidth;
        return console;
    }
}
