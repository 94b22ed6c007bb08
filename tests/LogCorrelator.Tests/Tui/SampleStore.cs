using LogCorrelator.Cli;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Tui;

/// <summary>sample-logs/incident-restart ingested into a temporary store, as a user would with logcorr ingest.</summary>
public sealed class SampleStore : IDisposable
{
    private readonly TempFolder _folder = new();

    public SampleStore()
    {
        Path = _folder.Combine("incident.lcdb");
        var output = new StringWriter();
        int code = CliApp.Run(["ingest", RepoPaths.File("sample-logs/incident-restart"), "--store", Path], output, output);
        Assert.True(code == 0, output.ToString());
    }

    public string Path { get; }

    public static string RepoRoot => System.IO.Path.GetDirectoryName(RepoPaths.File("LogCorrelator.sln"))!;

    /// <summary>The logcorr binary the test project was built with, run by dotnet.</summary>
    public static string Binary => System.IO.Path.Combine(AppContext.BaseDirectory, "logcorr.dll");

    public void Dispose() => _folder.Dispose();
}
