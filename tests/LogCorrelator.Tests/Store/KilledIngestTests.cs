using System.Diagnostics;
using LogCorrelator.Store;
using LogCorrelator.Tests.Bench;
using LogCorrelator.Tests.Support;
using Xunit.Abstractions;

namespace LogCorrelator.Tests.Store;

/// <summary>
/// The real <c>logcorr ingest</c> killed with SIGKILL at moments spread over a large ingest: after
/// each kill the store opens, every source in it holds exactly the events a clean ingest gives that
/// file (no partial file), and the next run finishes the job.
/// </summary>
public sealed class KilledIngestTests(ITestOutputHelper output)
{
    private const int KillPoints = 12;

    [Fact]
    public void A_killed_ingest_leaves_only_whole_files_and_a_rerun_gives_exactly_a_clean_ingest()
    {
        using var corpus = new GeneratedCorpus(24L << 20, seed: 11, utf16: true);
        foreach (string file in Directory.EnumerateFiles(RepoPaths.File("sample-logs/incident-restart"), "*", SearchOption.AllDirectories))
        {
            // Named to come first: the small files are in early, so kills fall between files too.
            string target = Path.Combine(corpus.Root, "0-incident", Path.GetRelativePath(RepoPaths.File("sample-logs/incident-restart"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        using var dir = new TempFolder();

        var clock = Stopwatch.StartNew();
        Assert.Equal(0, Ingest(corpus.Root, dir.Combine("clean.lcdb")).WaitForExitCode());
        var cleanTime = clock.Elapsed;
        var clean = Counts(dir.Combine("clean.lcdb"));
        Assert.True(clean.Count >= 5, $"the corpus has {clean.Count} files");

        var rng = new Random(7);
        var seen = new List<int>();
        for (int k = 0; k < KillPoints; k++)
        {
            // Each kill point on a fresh store, spread over the clean run's length (start-up included), with jitter.
            string store = dir.Combine($"killed-{k}.lcdb");
            var delay = cleanTime * ((k + rng.NextDouble()) / KillPoints);
            using (var run = Ingest(corpus.Root, store))
            {
                Thread.Sleep(delay);
                run.Kill();
                run.WaitForExit();
            }

            var held = Counts(store);
            seen.Add(held.Count);
            foreach (var (file, events) in held)
                Assert.Equal((file, clean[file]), (file, events));

            Assert.Equal(0, Ingest(corpus.Root, store).WaitForExitCode());
            Assert.Equal(clean.OrderBy(p => p.Key), Counts(store).OrderBy(p => p.Key));
        }

        output.WriteLine($"clean ingest {cleanTime.TotalSeconds:0.00} s, {clean.Count} files; files held after each kill: {string.Join(", ", seen)}");
        // Which moments the kills hit depends on the machine's speed, so it is logged, not asserted;
        // every one of them was checked above.
    }

    /// <summary>Events per file as the store holds them, counted from the blocks and checked against the source's own count.</summary>
    private static Dictionary<string, long> Counts(string path)
    {
        if (!File.Exists(path))
            return [];
        using var store = EventStore.OpenRead(path);
        var all = store.Load(new EventScan { Fields = ColumnSet.None });
        var bySource = new Dictionary<long, long>();
        for (int i = 0; i < all.Count; i++)
            bySource[EventIds.Source(all.Id[i])] = bySource.GetValueOrDefault(EventIds.Source(all.Id[i])) + 1;
        var counts = new Dictionary<string, long>();
        foreach (var source in store.Sources())
        {
            Assert.Equal((source.RelativePath, source.Events), (source.RelativePath, bySource.GetValueOrDefault(source.Id)));
            counts[source.RelativePath] = source.Events;
        }
        Assert.Equal(bySource.Keys.Order(), store.Sources().Select(s => s.Id).Order());
        return counts;
    }

    private static ChildProcess Ingest(string folder, string store) => ChildProcess.Start("ingest", folder, "--store", store);
}
