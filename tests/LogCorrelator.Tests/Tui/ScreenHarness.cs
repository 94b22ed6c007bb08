using LogCorrelator.Cli.Tui;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace LogCorrelator.Tests.Tui;

/// <summary>
/// The TUI's screen in Terminal.Gui's own headless driver (the ANSI driver with real terminal I/O
/// disabled): keys and mouse events are injected as the terminal would send them and the driver's
/// cell buffer is read back as text after each.
/// </summary>
internal sealed class ScreenHarness : IDisposable
{
    private readonly IApplication _app;
    private readonly SessionToken? _token;

    static ScreenHarness() => Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");

    public ScreenHarness(TuiSession session, int width, int height, bool color = true, bool unicode = true)
    {
        _app = Application.Create();
        _app.Init(DriverRegistry.Names.ANSI);
        _app.Driver!.SetScreenSize(width, height);
        // As TuiApp does: background results are invoked onto the UI thread, run by Pump here (set
        // before the screen's first frame, which a session counting in the background counts on a worker).
        session.Post = action => _app.Invoke(action);
        Screen = new TuiScreen(session, unicode ? Glyphs.Unicode : Glyphs.Ascii, new Palette(color));
        Screen.Quit += () => Quitted = true;
        session.Changed += Screen.Refresh;
        _token = _app.Begin(Screen);
        Draw();
    }

    public TuiScreen Screen { get; }

    public bool Quitted { get; private set; }

    /// <summary>The screen as text, one string per row, trailing spaces kept.</summary>
    public string[] Rows => _app.Driver!.ToString()!.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    public string Text => string.Join('\n', Rows);

    public void Press(params Key[] keys)
    {
        foreach (var key in keys)
        {
            _app.InjectKey(key);
            Draw();
        }
    }

    public void Type(string text)
    {
        foreach (char c in text)
            Press(new Key(c));
    }

    public void Click(int x, int y, MouseFlags flags = MouseFlags.LeftButtonClicked)
    {
        var options = new InputInjectionOptions { Mode = InputInjectionMode.Direct };
        var injector = _app.GetInputInjector();
        if (flags == MouseFlags.LeftButtonClicked)
        {
            injector.InjectMouse(new Mouse { ScreenPosition = new(x, y), Flags = MouseFlags.LeftButtonPressed }, options);
            injector.InjectMouse(new Mouse { ScreenPosition = new(x, y), Flags = MouseFlags.LeftButtonReleased }, options);
        }
        else
        {
            injector.InjectMouse(new Mouse { ScreenPosition = new(x, y), Flags = flags }, options);
        }
        Draw();
    }

    /// <summary>
    /// Runs what other threads invoked onto the UI thread (as the main loop would) and draws, until
    /// <paramref name="done"/> holds; false when it did not within 30 s (a hang, not a speed check).
    /// </summary>
    public bool Pump(Func<bool> done)
    {
        for (int i = 0; i < 3000; i++)
        {
            _app.TimedEvents!.RunTimers();
            Draw();
            if (done())
                return true;
            Thread.Sleep(10);
        }
        return false;
    }

    public void Resize(int width, int height)
    {
        _app.Driver!.SetScreenSize(width, height);
        Draw();
    }

    /// <summary>The attribute the cell at column <paramref name="x"/>, row <paramref name="y"/> was drawn with.</summary>
    public Terminal.Gui.Drawing.Attribute? AttributeAt(int x, int y) => _app.Driver!.Contents![y, x].Attribute;

    /// <summary>The screen with its colours and attributes, as written to a terminal.</summary>
    public string Ansi => _app.Driver!.ToAnsi();

    private void Draw() => _app.LayoutAndDraw(true);

    public void Dispose()
    {
        if (_token is not null)
            _app.End(_token);
        Screen.Dispose();
        _app.Dispose();
    }
}
