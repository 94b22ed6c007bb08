using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The bottom row as Terminal.Gui's <see cref="StatusBar"/>: what the last key did and where the
/// rows stand (first), then a <see cref="Shortcut"/> per main key. The keys reach the screen
/// before any binding, so the shortcuts answer the mouse: a click sends their key to
/// <see cref="Pressed"/>, which handles it as typed. All in the palette's paints (no colour under
/// NO_COLOR; a status bar's own scheme would bring some), separators only with Unicode.
/// </summary>
internal sealed class StatusLine : StatusBar
{
    /// <summary>The main keys shown, in order: key, what it does.</summary>
    public static readonly (Key Key, string Text)[] Keys =
    [
        (Key.F1, "help"),
        (new Key('/'), "query"),
        (new Key('f'), "find"),
        (new Key('s'), "saved"),
        (new Key('d'), "diagnose"),
        (new Key('x'), "export"),
        (new Key('q'), "quit"),
    ];

    private readonly Shortcut _message;

    public StatusLine(Glyphs glyphs, Palette palette)
    {
        var scheme = palette.Scheme(Paint.Dim);
        SetScheme(scheme);
        _message = new Shortcut { Title = "", CanFocus = false };
        _message.SetScheme(scheme);
        var shortcuts = Keys.Select(k => new Shortcut(k.Key, k.Text, () => Pressed?.Invoke(k.Key), null) { CanFocus = false }).ToList();
        foreach (var shortcut in shortcuts)
            shortcut.SetScheme(palette.Scheme(Paint.Label));
        Add([_message, .. shortcuts]);
        // The bar separates its items with line drawing, which has no ASCII form: without Unicode
        // the items are set apart by their spacing alone.
        // (The bar gives its items its own border style when it lays them out.)
        if (glyphs.Vertical == '|')
            BorderStyle = Terminal.Gui.Drawing.LineStyle.None;
    }

    /// <summary>A shortcut was clicked: its key, to handle as if typed.</summary>
    public event Action<Key>? Pressed;

    /// <summary>The message part (for tests).</summary>
    public string Message => _message.Title;

    public void Show(string message)
    {
        if (_message.Title != message)
            _message.Title = message;
    }
}
