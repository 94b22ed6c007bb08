using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// Terminal.Gui's keys as the <see cref="ConsoleKeyInfo"/> the session's key logic takes, so that
/// logic stays one piece tested without a terminal.
/// </summary>
internal static class KeyText
{
    public static ConsoleKeyInfo ToConsole(Key key)
    {
        bool ctrl = key.IsCtrl, alt = key.IsAlt, shift = key.IsShift;
        var code = key.NoCtrl.NoAlt.NoShift.KeyCode;
        ConsoleKey console = code switch
        {
            KeyCode.CursorUp => ConsoleKey.UpArrow,
            KeyCode.CursorDown => ConsoleKey.DownArrow,
            KeyCode.CursorLeft => ConsoleKey.LeftArrow,
            KeyCode.CursorRight => ConsoleKey.RightArrow,
            KeyCode.PageUp => ConsoleKey.PageUp,
            KeyCode.PageDown => ConsoleKey.PageDown,
            KeyCode.Home => ConsoleKey.Home,
            KeyCode.End => ConsoleKey.End,
            KeyCode.Enter => ConsoleKey.Enter,
            KeyCode.Esc => ConsoleKey.Escape,
            KeyCode.Backspace => ConsoleKey.Backspace,
            KeyCode.Delete => ConsoleKey.Delete,
            KeyCode.Tab => ConsoleKey.Tab,
            KeyCode.Space => ConsoleKey.Spacebar,
            >= KeyCode.F1 and <= KeyCode.F12 => ConsoleKey.F1 + (int)(code - KeyCode.F1),
            >= KeyCode.A and <= KeyCode.Z => ConsoleKey.A + (int)(code - KeyCode.A),
            >= KeyCode.D0 and <= KeyCode.D9 => ConsoleKey.D0 + (int)(code - KeyCode.D0),
            _ => 0,
        };
        char c = console switch
        {
            ConsoleKey.Enter => '\r',
            ConsoleKey.Escape => '\u001b',
            ConsoleKey.Tab => '\t',
            ConsoleKey.Backspace => '\b',
            _ when ctrl && console is >= ConsoleKey.A and <= ConsoleKey.Z => (char)(console - ConsoleKey.A + 1),
            _ => key.AsRune is { Value: > 0 and < 0x10000 } rune && !System.Text.Rune.IsControl(rune) ? (char)rune.Value : '\0',
        };
        return new ConsoleKeyInfo(c, console, shift, alt, ctrl);
    }
}
