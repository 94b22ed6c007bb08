using System.Diagnostics;
using System.Globalization;
using Terminal.Gui.App;
using Terminal.Gui.Input;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// Key-to-redraw times for bench/tui-keys.sh: with <see cref="Variable"/> naming a file, each key
/// the application receives appends one line when the frame it caused has been drawn and flushed
/// to the terminal (Terminal.Gui raises <c>LayoutAndDrawComplete</c> after the driver's refresh):
/// <c>KEY TAB MS TAB WALL</c>, where MS is the time from the key reaching the UI thread to that
/// point and WALL the Unix time in milliseconds then, so a script can also time from its own
/// send-keys. Nothing is measured when the variable is unset.
/// </summary>
internal sealed class KeyTrace
{
    public const string Variable = "LOGCORR_TUI_TRACE";

    private readonly string _path;
    private string? _key;
    private long _received;

    private KeyTrace(string path) => _path = path;

    /// <summary>Hooks the trace into <paramref name="app"/> when the variable is set.</summary>
    public static void Attach(IApplication app)
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } path)
            return;
        var trace = new KeyTrace(path);
        app.Keyboard.KeyDown += (_, key) => trace.Received(key);
        app.LayoutAndDrawComplete += (_, _) => trace.Drawn();
    }

    private void Received(Key key)
    {
        // A key that drew nothing is written as such when the next one comes, not charged to its frame.
        if (_key is not null)
            Write(_key, "nodraw");
        _key = key.ToString();
        _received = Stopwatch.GetTimestamp();
    }

    private void Drawn()
    {
        if (_key is null)
            return;
        double ms = Stopwatch.GetElapsedTime(_received).TotalMilliseconds;
        Write(_key, ms.ToString("0.00", CultureInfo.InvariantCulture));
        _key = null;
    }

    private void Write(string key, string ms)
    {
        long wall = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        File.AppendAllText(_path, string.Create(CultureInfo.InvariantCulture, $"{key}\t{ms}\t{wall}\n"));
    }
}
