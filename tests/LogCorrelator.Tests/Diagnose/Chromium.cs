using System.Diagnostics;

namespace LogCorrelator.Tests.Diagnose;

/// <summary>
/// Headless Chromium (Debian's <c>chromium</c>, installed by <c>./test</c>) with the flags that keep it
/// off the network and out of the user's profile: what a reader's browser makes of a report.
/// </summary>
internal static class Chromium
{
    public static string Run(string userDataDir, params string[] args)
    {
        var start = new ProcessStartInfo("chromium")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + userDataDir,
        }.Concat(args))
            start.ArgumentList.Add(a);
        using var process = Start(start);
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("chromium did not finish in 2 minutes");
        }
        Assert.True(process.ExitCode == 0, "chromium failed: " + stderr.Result);
        return stdout;
    }

    /// <summary>Fails (never skips) when Chromium is missing, saying how to get it.</summary>
    private static Process Start(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Fail("chromium is not installed: the HTML report is checked in headless Chromium. Run ./test (the README's test command), which installs it.");
            throw;
        }
    }
}
