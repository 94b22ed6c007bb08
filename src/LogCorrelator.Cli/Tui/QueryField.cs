using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The query bar's text field: Terminal.Gui edits the text; Enter, Esc, ↑/↓ (history) and Tab
/// (completion) are the session's, so they are taken before the field's own bindings see them.
/// </summary>
internal sealed class QueryField : TextField
{
    /// <summary>A key the session handles; true when it did.</summary>
    public Func<Key, bool>? Intercept { get; set; }

    protected override bool OnKeyDown(Key key)
    {
        // Ctrl+U clears the line, as in a shell (the field's own binding for it is not that).
        if (key == Key.U.WithCtrl)
        {
            Text = "";
            InsertionPoint = 0;
            return true;
        }
        if (Intercept is { } intercept && IsSessionKey(key) && intercept(key))
            return true;
        return base.OnKeyDown(key);
    }

    private static bool IsSessionKey(Key key) =>
        key == Key.Enter || key == Key.Esc || key == Key.CursorUp || key == Key.CursorDown || key == Key.Tab || key == Key.C.WithCtrl;
}
