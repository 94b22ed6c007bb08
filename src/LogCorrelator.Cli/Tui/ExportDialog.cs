using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// <c>x</c>: export the results (or the marked rows) as a Terminal.Gui dialog: the file name in a
/// text field, the format as options (the name's extension follows the choice), Cancel and OK.
/// OK asks <see cref="Write"/>, which writes through the same renderers (and so the same
/// redaction) as <c>logcorr query --format csv|json</c>; its error, if any, stays in the dialog.
/// </summary>
internal sealed class ExportDialog : Dialog<string>
{
    public static readonly string[] Formats = ["CSV", "JSON"];

    private readonly TextField _file;
    private readonly OptionSelector _format;
    private readonly Label _error;
    private readonly Button _cancel;

    /// <param name="what">What is exported, e.g. "all 8 results" or "the 2 marked rows".</param>
    public ExportDialog(string what, string file, Palette palette)
    {
        Title = "Export";
        BorderStyle = Terminal.Gui.Drawing.LineStyle.Single;
        ShadowStyle = null;
        SetScheme(palette.Scheme(Paint.Normal));
        var about = new Label { Text = $"Export {what} (secrets masked as in logcorr query)", X = 1, Y = 0 };
        var fileLabel = new Label { Text = "_File:", X = 1, Y = 2 };
        _file = new TextField { Text = file, X = 10, Y = 2, Width = 50 };
        _file.SetScheme(palette.Scheme(Paint.Selected));
        var formatLabel = new Label { Text = "F_ormat:", X = 1, Y = 4 };
        _format = new OptionSelector { X = 10, Y = 4, Labels = Formats, Orientation = Orientation.Horizontal, Value = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? 1 : 0 };
        _format.ValueChanged += (_, _) => FollowFormat();
        _error = new Label { Text = "", X = 1, Y = 6, Width = 60 };
        _error.SetScheme(palette.Scheme(Paint.Error));
        Add(about, fileLabel, _file, formatLabel, _format, _error);
        _cancel = new Button { Text = "_Cancel" };
        AddButton(_cancel);
        AddButton(new Button { Text = "_OK" });
    }

    /// <summary>Writes the file (name as typed, json or not); returns the error to show, or null when written.</summary>
    public Func<string, bool, string?> Write { get; init; } = (_, _) => null;

    /// <summary>Raised when the dialog is done: written or cancelled.</summary>
    public event Action? Closed;

    public string FileName => _file.Text;

    public bool Json => _format.Value == 1;

    public string ErrorText => _error.Text;

    protected override bool OnKeyDown(Key key)
    {
        // Esc cancels here rather than through the application's quit key, which would stop the TUI.
        if (key == Key.Esc)
        {
            Closed?.Invoke();
            return true;
        }
        return base.OnKeyDown(key);
    }

    protected override bool OnAccepting(CommandEventArgs args)
    {
        // Not the base: it stops a dialog run modally, and this one is begun over the running screen.
        args.Handled = true;
        if (args.Context?.Binding?.Source is { } source && ReferenceEquals(source, _cancel))
        {
            Closed?.Invoke();
            return true;
        }
        string? error = Write(_file.Text.Trim(), Json);
        if (error is null)
            Closed?.Invoke();
        else
            _error.Text = error;
        return true;
    }

    /// <summary>The name's extension follows the format chosen (a name without one gets it).</summary>
    private void FollowFormat()
    {
        string name = _file.Text.Trim();
        string ext = Json ? ".json" : ".csv";
        string stem = name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? name[..^4]
            : name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? name[..^5] : name;
        _file.Text = stem + ext;
    }
}
