using System.Diagnostics;
using System.Globalization;
using Terminal.Gui.App;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// Runs the screen in Terminal.Gui: the application owns the terminal (alternate screen, raw keys,
/// mouse, resize) and gives it back on exit, also when SIGTERM or SIGHUP cancels the command.
/// <see cref="FirstFrameVariable"/> names a file that receives the milliseconds from process start
/// to the first frame drawn (bench/tui-first-frame.sh); <see cref="KeyTrace.Variable"/> one that
/// receives the time from each key to its redrawn frame (bench/tui-keys.sh).
/// </summary>
internal static class TuiApp
{
    public const string FirstFrameVariable = "LOGCORR_TUI_FIRST_FRAME";

    /// <param name="raw">Receives the driver once it runs, for escapes written past the screen (OSC 52).</param>
    /// <param name="session">The session, once opened: called after Terminal.Gui's start-up, which its opening may overlap.</param>
    public static void Run(Func<TuiSession> session, TerminalEscapes raw, CancellationToken cancel)
    {
        using IApplication app = Application.Create();
        app.Init();
        Run(app, session(), raw, cancel);
    }

    private static void Run(IApplication app, TuiSession session, TerminalEscapes raw, CancellationToken cancel)
    {
        raw.Driver = app.Driver;
        KeyTrace.Attach(app);
        // The diagnosis runs on a worker: its result comes back on the UI thread and redraws.
        session.Post = action => app.Invoke(action);
        // Set before the screen draws its first frame: that frame's histogram (and the total it
        // gives) is counted on a worker too, as a zoom's is; on a 10M-event store it took ~150 ms.
        session.CountInBackground = true;
        // The first frame's count waits until that frame is drawn (two cores: it slowed the first
        // layout); counts started after go at once.
        var held = new List<Action>();
        bool drawn = false;
        session.StartCount = work =>
        {
            if (drawn)
                Task.Run(work);
            else
                held.Add(work);
        };
        using var screen = new TuiScreen(session, Glyphs.FromConsole(), Palette.FromEnvironment());
        screen.Quit += () => app.RequestStop();
        session.Changed += screen.Refresh;
        // n/N read up to FindLimit rows: on a worker too, the match selected when it lands.
        session.SearchInBackground = true;
        using var stop = cancel.Register(() => app.Invoke(() => app.RequestStop()));
        bool reported = false;
        app.Iteration += (_, _) =>
        {
            // Checked on the UI thread too: after SIGHUP the terminal is gone and an invoked stop
            // alone was seen to leave the process running (and spinning) with no terminal.
            if (cancel.IsCancellationRequested)
                app.RequestStop();
            if (reported)
                return;
            reported = true;
            ReportFirstFrame();
            drawn = true;
            foreach (var work in held)
                Task.Run(work);
            held.Clear();
        };
        try
        {
            app.Run(screen);
        }
        finally
        {
            raw.Driver = null;
        }
    }

    private static void ReportFirstFrame()
    {
        if (Environment.GetEnvironmentVariable(FirstFrameVariable) is not { Length: > 0 } path)
            return;
        double ms = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        File.WriteAllText(path, ms.ToString("0", CultureInfo.InvariantCulture) + "\n");
    }
}
