namespace LogCorrelator.Tests.Tui;

/// <summary>Key presses as the terminal reports them.</summary>
internal static class Keys
{
    public static ConsoleKeyInfo Of(ConsoleKey key) => new(key == ConsoleKey.Enter ? '\r' : key == ConsoleKey.Escape ? '\u001b' : '\0', key, false, false, false);

    public static ConsoleKeyInfo Char(char c) => new(c, char.IsAsciiLetterLower(c) ? ConsoleKey.A + (c - 'a') : 0, false, false, false);

    public static ConsoleKeyInfo Ctrl(ConsoleKey key) => new((char)(key - ConsoleKey.A + 1), key, false, false, true);

    public static IEnumerable<ConsoleKeyInfo> Text(string text) => text.Select(Char);
}
