using System.Diagnostics;

namespace LogCorrelator.Tests.Support;

/// <summary>The real <c>logcorr</c> (the CLI built beside the tests), or any program through <see cref="Run"/>, as a child process, its output gathered.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private ChildProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public static ChildProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "logcorr.dll"));
        foreach (string a in args)
            info.ArgumentList.Add(a);
        return new ChildProcess(Process.Start(info)!);
    }

    /// <summary>
    /// Runs any program to its end (<paramref name="info"/>'s output is redirected here), draining
    /// stdout while stderr is read so neither pipe fills and stalls it.
    /// </summary>
    public static (int ExitCode, string Err) Run(ProcessStartInfo info)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        using var process = new ChildProcess(Process.Start(info)!);
        int code = process.WaitForExitCode();
        _ = process.Stdout;
        return (code, process.Stderr);
    }

    public string Stdout => _stdout.Result;
    public string Stderr => _stderr.Result;

    /// <summary>SIGKILL: no handler runs, as when a machine or an OOM killer ends it.</summary>
    public void Kill() => _process.Kill();

    public void WaitForExit() => _process.WaitForExit();

    public bool HasExited => _process.HasExited;

    public int WaitForExitCode()
    {
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
            _process.Kill();
        _process.Dispose();
    }
}
