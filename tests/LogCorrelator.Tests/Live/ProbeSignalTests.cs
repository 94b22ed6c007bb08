using System.Diagnostics;
using LogCorrelator.Tests.Fixtures;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Live;

/// <summary>
/// The real <c>logcorr probe</c>, as a child process with no end set, stopped by Ctrl+C (SIGINT): it
/// ends cleanly, stores every attempt it made and says how many.
/// </summary>
public sealed class ProbeSignalTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task Ctrl_c_stops_the_probe_and_stores_every_attempt_it_printed()
    {
        using var server = TdsResponder.Start();
        string store = _folder.Combine("probe.lcdb");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { Tui.SampleStore.Binary, "probe", $"Server=tcp:127.0.0.1,{server.Port};User Id=app;Password=x;Encrypt=False",
                     "--every", "100ms", "--store", store, "--out", _folder.Combine("probe.log") })
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var attempts = new List<string>();
        while (attempts.Count < 3 && await process.StandardOutput.ReadLineAsync() is { } line)
            attempts.Add(line);

        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            kill.WaitForExit();

        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(20)), "still running 20 s after SIGINT");
        string rest = await process.StandardOutput.ReadToEndAsync();
        Assert.Equal(0, process.ExitCode);
        // Attempts may still finish between the third line and the signal: every printed one is stored.
        var printed = attempts.Concat(rest.Split('\n', StringSplitOptions.RemoveEmptyEntries).SkipLast(1)).ToList();
        Assert.All(printed, l => Assert.Contains(" ok   connect ", l, StringComparison.Ordinal));
        Assert.StartsWith($"probe: stopped; {printed.Count} attempts, {printed.Count} ok, 0 failed (100.0% ok); {printed.Count} probe events stored in ",
            rest.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(), StringComparison.Ordinal);
        var count = Cli.Cli.Run("query", "probe | count", "--store", store, "--format", "csv");
        Assert.Equal($"count\n{printed.Count}\n", count.Out);
        Assert.DoesNotContain("cancelled", await stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
