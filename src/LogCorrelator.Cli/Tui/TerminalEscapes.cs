namespace LogCorrelator.Cli.Tui;

/// <summary>
/// Writes escapes straight to the terminal through the running driver, past the screen's cells (OSC
/// 52 for the clipboard); nothing is written before the application runs or after it ends.
/// </summary>
internal sealed class TerminalEscapes
{
    public Terminal.Gui.Drivers.IDriver? Driver { get; set; }

    public void Write(string escape) => Driver?.WriteRaw(escape);
}
