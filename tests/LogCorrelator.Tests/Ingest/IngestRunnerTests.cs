using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Store;
using LogCorrelator.Tests.Support;
using LogCorrelator.Time;

namespace LogCorrelator.Tests.Ingest;

public sealed class IngestRunnerTests
{
    private const string App = "#lines\n2024-03-05 11:00:00.000 error 10054 reset one\n2024-03-05 11:00:05.500 info all good\n";

    private static List<FileResult> Ingest(EventStore store, string path, IngestOptions? options = null, CancellationToken cancel = default) =>
        new IngestRunner(store, options ?? new IngestOptions(), [new LinesFormat()]).Run([path], cancel).ToList();

    [Fact]
    public void A_folder_is_read_recursively_with_the_first_folder_as_host()
    {
        using var dir = new TempFolder();
        dir.File("APPSRV01/Logs/app.log", App);
        using var store = EventStore.Open(dir.Combine("s.lcdb"));

        var results = Ingest(store, dir.Path);

        var r = Assert.Single(results);
        Assert.Equal(("APPSRV01/Logs/app.log", FileOutcome.Ingested, 2L, "APPSRV01"), (r.RelativePath, r.Outcome, r.Events, r.Host));
        var cols = store.Load(new EventScan { Kinds = [EventKind.Error] });
        var e = Assert.Single(store.Resolve([cols.Id[0]]));
        Assert.Equal((DateTimeOffset.Parse("2024-03-05T11:00:00Z", System.Globalization.CultureInfo.InvariantCulture), 10054, "APPSRV01", "reset one", 2),
            (e.Time, e.Code!.Value, e.Host!, e.Message, e.Line));
    }

    [Fact]
    public void An_unchanged_file_is_not_read_again_and_a_changed_one_replaces_its_events()
    {
        using var dir = new TempFolder();
        string file = dir.File("a/app.log", App);
        using var store = EventStore.Open(dir.Combine("s.lcdb"));
        Ingest(store, dir.Path);

        var second = Assert.Single(Ingest(store, dir.Path));
        File.AppendAllText(file, "2024-03-05 11:01:00.000 error 10053 aborted\n");
        var third = Assert.Single(Ingest(store, dir.Path));

        Assert.Equal(FileOutcome.Unchanged, second.Outcome);
        Assert.Equal((FileOutcome.Ingested, 3L), (third.Outcome, third.Events));
        Assert.Equal(3, store.CountEvents());
    }

    [Fact]
    public void Empty_binary_and_unknown_files_are_skipped_with_a_reason()
    {
        using var dir = new TempFolder();
        dir.File("empty.log", "");
        var noise = new byte[2048];
        new Random(3).NextBytes(noise);
        dir.File("core.dmp", noise);
        dir.File("notes.txt", "call Bob about the restart\n");
        using var store = EventStore.Open(dir.Combine("s.lcdb"));

        var results = Ingest(store, dir.Path).ToDictionary(r => r.RelativePath);

        Assert.Equal((FileOutcome.Skipped, "empty file"), (results["empty.log"].Outcome, results["empty.log"].Reason));
        Assert.Equal((FileOutcome.Skipped, "not a text log (binary content)"), (results["core.dmp"].Outcome, results["core.dmp"].Reason));
        // No readable text is skipped: what no format claims, the general reader takes.
        Assert.Equal((FileOutcome.Ingested, "text"), (results["notes.txt"].Outcome, results["notes.txt"].Guess?.Format?.Name));
    }

    [Fact]
    public void A_tz_rule_applies_to_matching_files_and_is_recorded()
    {
        using var dir = new TempFolder();
        dir.File("APPSRV01/app.log", App);
        TzRule.TryParse("APPSRV01/**=+01:00", out var rule, out _);
        using var store = EventStore.Open(dir.Combine("s.lcdb"));

        Ingest(store, dir.Path, new IngestOptions { TimeZones = [rule!] });

        var source = Assert.Single(store.Sources());
        Assert.Equal("+01:00 (--tz)", source.OffsetText);
        Assert.Equal(DateTimeOffset.Parse("2024-03-05T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), source.First);
    }

    [Fact]
    public void Bad_lines_are_reported_by_line_and_the_rest_is_kept()
    {
        using var dir = new TempFolder();
        dir.File("x/app.log", App + "2024-99-05 11:00:00.000 error 1 bad\n");
        using var store = EventStore.Open(dir.Combine("s.lcdb"));

        var r = Assert.Single(Ingest(store, dir.Path));

        Assert.Equal(2, r.Events);
        Assert.Equal("x/app.log:4: malformed timestamp", Assert.Single(r.Problems).ToString());
    }

    [Fact]
    public void An_interrupted_file_leaves_nothing_behind_and_earlier_files_stay()
    {
        using var dir = new TempFolder();
        dir.File("a/first.log", App);
        var big = new System.Text.StringBuilder("#lines\n");
        for (int i = 0; i < 10000; i++)
            big.Append("2024-03-05 11:00:00.000 error 10054 x\n");
        dir.File("b/second.log", big.ToString());
        using var store = EventStore.Open(dir.Combine("s.lcdb"));
        using var cancel = new CancellationTokenSource();
        var format = new InterruptingFormat(new LinesFormat(), cancel, afterEvents: 5000);

        var done = new List<FileResult>();
        Assert.Throws<OperationCanceledException>(() =>
        {
            foreach (var r in new IngestRunner(store, new IngestOptions(), [format]).Run([dir.Path], cancel.Token))
                done.Add(r);
        });

        Assert.Equal(["a/first.log"], done.Select(r => r.RelativePath));
        Assert.Equal(2, store.CountEvents());
        Assert.Equal(["a/first.log"], store.Sources().Select(s => s.RelativePath));
    }

    [Fact]
    public void A_reader_that_throws_fails_its_file_alone_and_the_others_are_ingested()
    {
        using var dir = new TempFolder();
        dir.File("a/boom.log", "#boom\nanything\n");
        dir.File("b/app.log", App);
        using var store = EventStore.Open(dir.Combine("s.lcdb"));

        var results = new IngestRunner(store, new IngestOptions(), [new ThrowingFormat(), new LinesFormat()]).Run([dir.Path]).ToList();

        Assert.Equal(
        [
            ("a/boom.log", FileOutcome.InternalError, "internal error in the boom reader: index out of range at line 2; the other files were ingested"),
            ("b/app.log", FileOutcome.Ingested, null),
        ], results.Select(r => (r.RelativePath, r.Outcome, r.Reason)));
        Assert.Equal(["b/app.log"], store.Sources().Select(s => s.RelativePath));
    }

    [Fact]
    public void A_missing_path_is_named_as_given()
    {
        using var dir = new TempFolder();
        using var store = EventStore.Open(dir.Combine("s.lcdb"));
        string missing = Path.Combine(dir.Path, "incident", "APPSRV01.log");

        var r = Assert.Single(Ingest(store, missing));

        Assert.Equal((missing, FileOutcome.Failed, "no such file or folder"), (r.RelativePath, r.Outcome, r.Reason));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_log_with_a_4_KB_nul_block_in_its_first_64_KB_keeps_its_events_and_says_where_the_block_was(bool midLine)
    {
        using var dir = new TempFolder();
        byte[] clean = File.ReadAllBytes(RepoPaths.File("sample-logs/incident-restart/APPSRV01/Logs/orders-api-20240305.log"));
        // At the start of a line about 20 KB in, or 10 bytes into it (inside its timestamp).
        int at = Array.IndexOf(clean, (byte)'\n', 20_000) + 1 + (midLine ? 10 : 0);
        int line = clean.AsSpan(0, at).Count((byte)'\n') + 1;
        dir.File("clean/app.log", clean);
        dir.File("nul/app.log", [.. clean.AsSpan(0, at), .. new byte[4096], .. clean.AsSpan(at)]);
        using var store = EventStore.Open(dir.Combine("s.lcdb"));
        var runner = new IngestRunner(store, new IngestOptions());

        var cleanRun = Assert.Single(runner.Run([dir.Combine("clean")]));
        var nulRun = Assert.Single(runner.Run([dir.Combine("nul")]));

        Assert.Equal((FileOutcome.Ingested, 363L), (cleanRun.Outcome, cleanRun.Events));
        // Cut inside its timestamp, the entry's line is read as two pieces that are not a new entry: one event fewer.
        Assert.Equal((FileOutcome.Ingested, midLine ? 362L : 363L), (nulRun.Outcome, nulRun.Events));
        Assert.Equal($"app.log:{line}: 4096 NUL bytes skipped", Assert.Single(nulRun.Problems).ToString());
    }
}
