using System.Runtime.InteropServices;
using System.Text;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The real terminal: the alternate screen with the cursor hidden while the TUI runs, keys read
/// raw (Ctrl+C arrives as a key), and everything put back on dispose or when a signal ends the
/// process, so the shell is never left on a blank screen without a cursor.
/// </summary>
internal sealed class TuiTerminal : IDisposable
{
    private const string EnterScreen = "\u001b[?1049h\u001b[?25l\u001b[2J";
    private const string LeaveScreen = "\u001b[0m\u001b[?25h\u001b[?1049l";

    private readonly Stream _out = Console.OpenStandardOutput();
    private readonly List<PosixSignalRegistration> _signals = [];
    private readonly Lock _gate = new();
    private bool _restored;

    public TuiTerminal()
    {
        Console.TreatControlCAsInput = true;
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGQUIT })
            _signals.Add(PosixSignalRegistration.Create(signal, _ => Restore()));
        Write(EnterScreen);
    }

    public (int Width, int Height) Size => (Math.Max(1, Console.WindowWidth), Math.Max(1, Console.WindowHeight));

    public bool KeyAvailable => Console.KeyAvailable;

    public static ConsoleKeyInfo ReadKey() => Console.ReadKey(intercept: true);

    /// <summary>Draws a frame from the top-left corner; after a resize the old one is cleared first.</summary>
    public void Draw(string frame, bool clear) => Write((clear ? "\u001b[2J" : "") + "\u001b[H" + frame);

    private void Write(string text)
    {
        lock (_gate)
        {
            if (_restored)
                return;
            var bytes = Encoding.UTF8.GetBytes(text);
            _out.Write(bytes);
            _out.Flush();
        }
    }

    /// <summary>Leaves the alternate screen and shows the cursor; safe to call twice (a signal, then dispose).</summary>
    private void Restore()
    {
        lock (_gate)
        {
            if (_restored)
                return;
            var bytes = Encoding.UTF8.GetBytes(LeaveScreen);
            _out.Write(bytes);
            _out.Flush();
            _restored = true;
        }
    }

    public void Dispose()
    {
        Restore();
        foreach (var s in _signals)
            s.Dispose();
        Console.TreatControlCAsInput = false;
        _out.Dispose();
    }
}
