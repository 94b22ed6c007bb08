using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Store;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Ingest.Network;

public sealed class NetworkIngestTests
{
    [Fact]
    public void Sources_say_when_a_snapshot_time_came_from_the_file_mtime()
    {
        using var dir = new TempFolder();
        string file = dir.File("APPSRV01/netstat.txt", File.ReadAllBytes(NetworkRun.FixturePath("netstat-windows-n.txt")));
        File.SetLastWriteTimeUtc(file, new DateTime(2024, 3, 5, 11, 40, 0, DateTimeKind.Utc));
        using var store = EventStore.Open(dir.Combine("s.lcdb"));

        var r = Assert.Single(new IngestRunner(store, new IngestOptions()).Run([dir.Path]).ToList());

        Assert.Equal(("netstat", FileOutcome.Ingested, 4L), (r.Guess?.Format?.Name, r.Outcome, r.Events));
        Assert.Equal("UTC (assumed); snapshot time from file mtime (assumed)", r.Clock);
        var source = Assert.Single(store.Sources());
        Assert.Equal("UTC (assumed); snapshot time from file mtime (assumed)", source.OffsetText);
        Assert.Equal(NetworkRun.Utc("2024-03-05 11:40:00"), source.First);
        var timewait = store.Load(new EventScan { Kinds = [EventKind.TimeWait] });
        Assert.Equal(2, timewait.Count);
    }

    [Fact]
    public void Sources_say_when_a_snapshot_time_came_from_at()
    {
        using var dir = new TempFolder();
        dir.File("APPSRV01/netstat.txt", File.ReadAllBytes(NetworkRun.FixturePath("netstat-windows-n.txt")));
        using var store = EventStore.Open(dir.Combine("s.lcdb"));

        new IngestRunner(store, new IngestOptions { At = NetworkRun.Utc("2024-03-05 11:33:00") }).Run([dir.Path]).ToList();

        var source = Assert.Single(store.Sources());
        Assert.Equal(("UTC (assumed); snapshot time from --at", "snapshot time from --at"), (source.OffsetText, source.TimeNote));
        Assert.Equal(NetworkRun.Utc("2024-03-05 11:33:00"), source.First);
    }

    [Fact]
    public void A_dated_snapshot_leaves_the_source_without_a_note()
    {
        using var dir = new TempFolder();
        dir.File("APPSRV01/netstat.txt", File.ReadAllBytes(NetworkRun.FixturePath("netstat-linux.txt")));
        using var store = EventStore.Open(dir.Combine("s.lcdb"));

        new IngestRunner(store, new IngestOptions()).Run([dir.Path]).ToList();

        var source = Assert.Single(store.Sources());
        Assert.Equal(("in each timestamp", (string?)null), (source.OffsetText, source.TimeNote));
    }
}
