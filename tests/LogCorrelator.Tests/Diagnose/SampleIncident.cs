using System.Text.Json;
using LogCorrelator.Tests.Cli;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Diagnose;

/// <summary>Runs <c>logcorr diagnose</c> on a folder into a fresh store and reads its JSON.</summary>
internal sealed class SampleIncident : IDisposable
{
    private readonly TempFolder _dir = new();

    public string Store => _dir.Combine("incident.lcdb");

    public TempFolder Folder => _dir;

    public static string PathOf(string sample) => RepoPaths.File("sample-logs/" + sample);

    public JsonElement Json(string path, params string[] extra)
    {
        var run = CliRun.Of(["diagnose", path, "--store", Store, "--format", "json", .. extra]);
        Assert.True(run.ExitCode == 0, run.ErrText);
        return JsonDocument.Parse(run.Text).RootElement.Clone();
    }

    public CliRun Text(string path, params string[] extra) => CliRun.Of(["diagnose", path, "--store", Store, .. extra]);

    public void Dispose() => _dir.Dispose();
}
