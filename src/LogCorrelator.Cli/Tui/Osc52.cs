using System.Text;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// Copy to the clipboard with the OSC 52 escape: the terminal (or tmux with set-clipboard on) puts
/// the text on the clipboard of the machine the user sits at, so it works over ssh as well.
/// </summary>
internal static class Osc52
{
    public static string Sequence(string text) => "\u001b]52;c;" + Convert.ToBase64String(Encoding.UTF8.GetBytes(text)) + "\u0007";
}
