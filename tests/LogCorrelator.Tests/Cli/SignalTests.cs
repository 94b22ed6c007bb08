using System.Diagnostics;
using System.Text;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Cli;

/// <summary>
/// The real <c>logcorr</c>, as a child process, busy with a slow query when a signal arrives: it
/// stops within seconds, says "cancelled" and nothing else, and exits with 128 + the signal's number.
/// </summary>
public sealed class SignalTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    [InlineData("HUP", 129)]
    public async Task A_signal_cancels_a_running_query_with_one_line(string signal, int exitCode)
    {
        // 3,000 messages of 16 a's: the backreference backtracks ~20 ms on each (a minute in all, far below the 1 s limit on one).
        var log = new StringBuilder();
        for (int i = 0; i < 3000; i++)
            log.Append($"2024-03-05 10:{i / 60 % 60:00}:{i % 60:00}.000 ERROR failed: {new string('a', 16)}!\n");
        string folder = _folder.Combine("APPSRV01");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "app.log"), log.ToString());

        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { Tui.SampleStore.Binary, "query", "events where message ~ \"(a*)*\\1b\" | count", folder, "--store", _folder.Combine("s.lcdb") })
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = new List<string>();
        // The ingest summary is the last line before the query starts.
        string? line;
        while ((line = await process.StandardError.ReadLineAsync()) is not null)
        {
            stderr.Add(line);
            if (line.StartsWith("Ingested ", StringComparison.Ordinal))
                break;
        }
        Assert.NotNull(line);
        await Task.Delay(500);
        var clock = Stopwatch.StartNew();

        Send(signal, process.Id);

        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(10)), "still running 10 s after SIG" + signal);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0, 5);
        Assert.Equal(exitCode, process.ExitCode);
        Assert.Equal(["cancelled"], (await process.StandardError.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("", await stdout);
    }

    private static void Send(string signal, int pid)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    public void Dispose() => _folder.Dispose();
}
