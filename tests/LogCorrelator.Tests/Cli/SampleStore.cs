using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Cli;

/// <summary>A store file with sample-logs/incident-restart ingested by <c>logcorr ingest</c>.</summary>
public sealed class SampleStore : IDisposable
{
    private readonly TempFolder _folder = new();

    public SampleStore()
    {
        Path = System.IO.Path.Combine(_folder.Path, "sample.lcdb");
        var ingest = Cli.Run("ingest", RepoPaths.File("sample-logs/incident-restart"), "--store", Path);
        if (ingest.ExitCode != 0)
            throw new InvalidOperationException(ingest.Err);
    }

    public string Path { get; }

    public void Dispose() => _folder.Dispose();
}
