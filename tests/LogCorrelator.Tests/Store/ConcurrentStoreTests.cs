using LogCorrelator.Store;
using LogCorrelator.Tests.Bench;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Store;

/// <summary>Other logcorr processes while an ingest writes: they read a consistent store, wait, or say in one line why not.</summary>
public sealed class ConcurrentStoreTests
{
    [Fact]
    public void Queries_and_a_second_ingest_during_an_ingest_wait_or_refuse_in_one_line_and_never_corrupt_the_store()
    {
        using var corpus = new GeneratedCorpus(16L << 20, seed: 5, utf16: false);
        using var dir = new TempFolder();
        string store = dir.Combine("s.lcdb");
        // A first ingest, so queries have a store to read from the start.
        Assert.Equal(0, ChildProcess.Start("ingest", RepoPaths.File("sample-logs/incident-restart"), "--store", store).WaitForExitCode());

        using var ingest = ChildProcess.Start("ingest", corpus.Root, "--store", store);
        Thread.Sleep(300);
        using var second = ChildProcess.Start("ingest", corpus.Root, "--store", store);
        var outcomes = new List<(int Code, string Stdout, string Stderr)>();
        while (outcomes.Count < 40 && (outcomes.Count < 3 || !ingest.HasExited))
        {
            using var query = ChildProcess.Start("query", "errors 10054 | count", "--store", store);
            int code = query.WaitForExitCode();
            outcomes.Add((code, query.Stdout, query.Stderr));
        }
        Assert.Equal(0, ingest.WaitForExitCode());
        int secondCode = second.WaitForExitCode();

        string busy = $"error: an ingest is writing '{store}': run this again when it has finished\n";
        Assert.All(outcomes, o => Assert.True(
            (o.Code == 0 && o.Stderr == "" && o.Stdout.Length > 0) || (o.Code == 1 && o.Stderr.ReplaceLineEndings("\n") == busy),
            $"exit {o.Code}, stderr: {o.Stderr}"));
        Assert.Contains(outcomes, o => o.Code == 1);
        // The second ingest waited for the first (then found the files unchanged) or gave up in one line.
        Assert.True(secondCode == 0 || second.Stderr.ReplaceLineEndings("\n")
            == $"error: '{store}' is in use by another logcorr (an ingest, a query or the TUI): run this again when it has finished\n",
            $"exit {secondCode}, stderr: {second.Stderr}");
        using var read = EventStore.OpenRead(store);
        Assert.Equal(5, read.Sources().Count);
        Assert.Equal(read.Sources().Sum(s => s.Events), read.Load(new EventScan { Fields = ColumnSet.None }).Count);
    }
}
