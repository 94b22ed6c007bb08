using System.Diagnostics;

namespace LogCorrelator.Tests.Tui;

/// <summary>
/// A private tmux server (its own socket) running one program in a pane of a fixed size: keys are
/// sent with send-keys and the screen read with capture-pane, polled until the expected text shows.
/// </summary>
internal sealed class Tmux : IDisposable
{
    private const string Target = "tui";
    // Generous: on a loaded machine (a shared 2-core box running other suites) the first frame can take seconds.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _socket = "logcorr-tests-" + Guid.NewGuid().ToString("N")[..12];
    private bool _started;

    /// <summary>Fails (never skips) when tmux is missing: these tests are how the TUI is known to work.</summary>
    public static void Require()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, "tmux")))
                return;
        }
        Assert.Fail("tmux is not installed: the TUI tests drive logcorr tui in tmux. Install it (./test, the README's test command, does).");
    }

    public void Start(string command, string workdir, int width, int height)
    {
        Run("new-session", "-d", "-s", Target, "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture), "-c", workdir, command);
        _started = true;
    }

    public void Keys(params string[] keys) => Run(["send-keys", "-t", Target, .. keys]);

    public void Type(string text) => Run("send-keys", "-t", Target, "-l", text);

    public void Resize(int width, int height) =>
        Run("resize-window", "-t", Target, "-x", width.ToString(System.Globalization.CultureInfo.InvariantCulture), "-y", height.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The pane's text, or with <paramref name="escapes"/> its text with the SGR codes of colours and attributes.</summary>
    public string Screen(bool escapes = false) => escapes ? Run("capture-pane", "-p", "-e", "-t", Target) : Run("capture-pane", "-p", "-t", Target);

    /// <summary>A pane variable, e.g. #{alternate_on} or #{cursor_flag}.</summary>
    public string Show(string format) => Run("display-message", "-p", "-t", Target, format).Trim();

    /// <summary>Polls the screen until <paramref name="ready"/> holds; fails showing the last screen.</summary>
    public string WaitFor(Func<string, bool> ready, string what)
    {
        var clock = Stopwatch.StartNew();
        string screen = "";
        while (clock.Elapsed < Patience)
        {
            screen = Screen();
            if (ready(screen))
                return screen;
            Thread.Sleep(40);
        }
        Assert.Fail($"timed out after {Patience.TotalSeconds} s waiting for {what}; the screen was:\n{screen}");
        return screen;
    }

    public string WaitFor(params string[] texts) =>
        WaitFor(s => texts.All(t => s.Contains(t, StringComparison.Ordinal)), string.Join(" and ", texts.Select(t => $"'{t}'")));

    private string Run(params string[] args)
    {
        var info = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-L");
        info.ArgumentList.Add(_socket);
        foreach (var a in args)
            info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        string output = p.StandardOutput.ReadToEnd();
        string error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed: {error}");
        return output;
    }

    /// <summary>Ends the server and with it the pane's terminal, as a dropped ssh session does.</summary>
    public void KillServer()
    {
        Run("kill-server");
        _started = false;
    }

    public void Dispose()
    {
        if (!_started)
            return;
        try
        {
            Run("kill-server");
        }
        catch (InvalidOperationException)
        {
            // The server already went away with its last session.
        }
    }
}
