using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The key loop: draw, wait for keys (all waiting ones are applied before the next frame), redraw;
/// a changed window size re-lays out. <see cref="FirstFrameVariable"/> names a file that receives
/// the milliseconds from process start to the first frame on screen (bench/tui-first-frame.sh).
/// </summary>
internal static class TuiApp
{
    public const string FirstFrameVariable = "LOGCORR_TUI_FIRST_FRAME";

    /// <param name="cancel">SIGTERM or SIGHUP (Ctrl+C is a key here): the loop ends, the terminal is restored on dispose.</param>
    public static void Run(TuiSession session, TuiTerminal terminal, CancellationToken cancel)
    {
        bool color = Environment.GetEnvironmentVariable("NO_COLOR") is not { Length: > 0 };
        bool unicode = System.Console.OutputEncoding.CodePage == Encoding.UTF8.CodePage;
        var size = terminal.Size;
        session.Resize(size.Width, size.Height);
        terminal.Draw(FrameText.Render(session.View(), session.Layout, ansi: true, color, unicode), clear: false);
        ReportFirstFrame();

        while (true)
        {
            cancel.ThrowIfCancellationRequested();
            bool dirty = false, clear = false;
            while (terminal.KeyAvailable)
            {
                if (!session.Handle(TuiTerminal.ReadKey()))
                    return;
                dirty = true;
            }
            var now = terminal.Size;
            if (now != size)
            {
                size = now;
                session.Resize(size.Width, size.Height);
                dirty = clear = true;
            }
            if (dirty)
                terminal.Draw(FrameText.Render(session.View(), session.Layout, ansi: true, color, unicode), clear);
            else
                Thread.Sleep(15);
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
