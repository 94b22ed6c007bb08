using Terminal.Gui.Drawing;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The attributes the views draw with. With <c>NO_COLOR</c> set no colour is used at all: the
/// selection and cursor stay visible in reverse video and the entry in bold.
/// </summary>
internal sealed class Palette
{
    private readonly Dictionary<Paint, Terminal.Gui.Drawing.Attribute> _attributes = [];

    public Palette(bool color)
    {
        Color = color;
        // The terminal's own foreground and background (Color.None) under everything: no colour is
        // written for plain text, so a light or dark terminal keeps its look.
        var fg = Terminal.Gui.Drawing.Color.None;
        var bg = Terminal.Gui.Drawing.Color.None;
        _attributes[Paint.Normal] = new(fg, bg, TextStyle.None);
        foreach (Paint p in Enum.GetValues<Paint>())
        {
            if (p == Paint.Normal)
                continue;
            _attributes[p] = color ? Coloured(p, fg, bg) : Plain(p, fg, bg);
        }
    }

    public bool Color { get; }

    /// <summary>From the environment: colour unless NO_COLOR is set to anything (https://no-color.org).</summary>
    public static Palette FromEnvironment() => new(Environment.GetEnvironmentVariable("NO_COLOR") is not { Length: > 0 });

    public Terminal.Gui.Drawing.Attribute this[Paint paint] => _attributes[paint];

    /// <summary>
    /// A scheme with every role set to one paint: Terminal.Gui derives the roles it is not given
    /// (focus, highlight) with colours of its own, which would put colour on a NO_COLOR screen.
    /// </summary>
    public Scheme Scheme(Paint paint)
    {
        var a = this[paint];
        return new Scheme(a) { Normal = a, HotNormal = a, Focus = a, HotFocus = a, Active = a, HotActive = a, Highlight = a, Editable = a, ReadOnly = a, Disabled = a };
    }

    private static Terminal.Gui.Drawing.Attribute Coloured(Paint p, Color fg, Color bg) => p switch
    {
        Paint.Dim => new(new Color(ColorName16.Gray), bg),
        Paint.Title => new(new Color(ColorName16.Black), new Color(ColorName16.Cyan), TextStyle.Bold),
        Paint.Bar => new(new Color(ColorName16.BrightRed), bg),
        Paint.CursorBar => new(new Color(ColorName16.BrightYellow), bg, TextStyle.Bold),
        Paint.Marker => new(new Color(ColorName16.BrightMagenta), bg, TextStyle.Bold),
        Paint.Entry => new(new Color(ColorName16.White), bg, TextStyle.Bold),
        Paint.Label => new(new Color(ColorName16.BrightCyan), bg, TextStyle.Bold),
        Paint.Matched => new(new Color(ColorName16.Magenta), bg),
        Paint.Error => new(new Color(ColorName16.BrightRed), bg),
        Paint.Prompt => new(new Color(ColorName16.BrightCyan), bg, TextStyle.Bold),
        Paint.Selected => new(fg, bg, TextStyle.Reverse),
        Paint.Found => new(new Color(ColorName16.Black), new Color(ColorName16.BrightYellow)),
        Paint.Marked => new(new Color(ColorName16.BrightGreen), bg, TextStyle.Bold),
        _ => new(fg, bg),
    };

    private static Terminal.Gui.Drawing.Attribute Plain(Paint p, Color fg, Color bg) => p switch
    {
        Paint.Title or Paint.Selected or Paint.CursorBar => new(fg, bg, TextStyle.Reverse),
        // Found text sits inside rows, the selected one reversed: underlined and bold shows on both.
        Paint.Found => new(fg, bg, TextStyle.Underline | TextStyle.Bold),
        Paint.Entry or Paint.Label or Paint.Prompt or Paint.Marker or Paint.Marked => new(fg, bg, TextStyle.Bold),
        _ => new(fg, bg, TextStyle.None),
    };
}
