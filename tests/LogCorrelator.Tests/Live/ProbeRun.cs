using System.Text.Json;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Live;

/// <summary>
/// <c>logcorr probe</c> run in-process against a loopback port, into a store of its own; then what the
/// store holds, read back with <c>logcorr query --format json</c>.
/// </summary>
internal sealed class ProbeRun : IDisposable
{
    public const string Password = "Pr0be-NotTheRealOne";

    private readonly TempFolder _folder = new();

    public ProbeRun(int port, params string[] options)
    {
        Store = _folder.Combine("probe.lcdb");
        Log = _folder.Combine("probe.log");
        ToolLog = _folder.Combine("logcorr.clef");
        // Short timeouts keep the suite fast; no retry, so each attempt is one connection.
        string connection = $"Server=tcp:127.0.0.1,{port};User Id=app;Password={Password};Connect Timeout=2;ConnectRetryCount=0;Encrypt=False";
        Run = Cli.Cli.Run(["probe", connection, "--store", Store, "--out", Log, "--log", ToolLog, .. options]);
    }

    public Cli.Cli Run { get; }

    public string Store { get; }

    public string Log { get; }

    public string ToolLog { get; }

    public string Folder => _folder.Path;

    /// <summary>The lines the probe printed for its attempts (the summary and stderr left out).</summary>
    public List<string> StatusLines => Run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("probe: ", StringComparison.Ordinal)).ToList();

    public List<JsonElement> Query(string query)
    {
        var run = Cli.Cli.Run("query", query, "--store", Store, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Err);
        return JsonDocument.Parse(run.Out).RootElement.GetProperty("matches").EnumerateArray().ToList();
    }

    /// <summary>Every byte the run left: what it printed, its logs, the store.</summary>
    public IEnumerable<string> EverythingWritten() =>
        new[] { Run.Out, Run.Err }.Concat(Directory.EnumerateFiles(Folder).Select(f => System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(f))));

    public void Dispose() => _folder.Dispose();
}
