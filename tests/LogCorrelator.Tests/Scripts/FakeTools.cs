using System.Diagnostics;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Scripts;

/// <summary>
/// A folder of stand-in commands (dotnet, apt-get, sudo...) that write their arguments to a log and
/// do nothing else, put first on PATH when a repository script runs: what the script would call, without calling it.
/// </summary>
internal sealed class FakeTools
{
    private readonly string _log;

    public FakeTools(TempFolder dir)
    {
        Bin = dir.Combine("fake-bin");
        Directory.CreateDirectory(Bin);
        _log = dir.Combine("calls.log");
    }

    public string Bin { get; }

    /// <summary>Every call so far, one line each: the command's name and its arguments.</summary>
    public string[] Calls => File.Exists(_log) ? File.ReadAllLines(_log) : [];

    /// <summary>A command that logs its call, then runs <paramref name="body"/> (bash) and exits with its status.</summary>
    public void Add(string name, string body = "exit 0") =>
        Write(name, $"#!/bin/bash\necho \"{name} $*\" >> '{_log}'\n{body}\n");

    /// <summary>The real command, for a PATH that holds only what is put here.</summary>
    public void Link(string name)
    {
        string real = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(d => Path.Combine(d, name)).First(File.Exists);
        File.CreateSymbolicLink(Path.Combine(Bin, name), real);
    }

    /// <summary>Runs <c>bash SCRIPT ARGS</c> with <paramref name="path"/> as PATH.</summary>
    public static (int ExitCode, string Err) Run(string script, string path, params string[] args)
    {
        var start = new ProcessStartInfo("/bin/bash");
        start.ArgumentList.Add(script);
        foreach (string a in args)
            start.ArgumentList.Add(a);
        start.Environment["PATH"] = path;
        return ChildProcess.Run(start);
    }

    private void Write(string name, string text)
    {
        string file = Path.Combine(Bin, name);
        File.WriteAllText(file, text);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
