using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Store;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Ingest;

/// <summary>
/// While one file is written, the next large file in another folder is read and encoded on its own
/// thread (IngestRunner's read-ahead): the store must hold exactly what reading them one by one gives.
/// </summary>
public sealed class ReadAheadTests
{
    /// <summary>A file of about 5 MB (past the 4 MB from which files are read on their own thread).</summary>
    private static string Large(int seed, string peer)
    {
        var rng = new Random(seed);
        var text = new StringBuilder(LinesFormat.Header + "\n");
        var time = new DateTime(2024, 3, 5, 10, 0, 0, DateTimeKind.Unspecified);
        for (int i = 0; text.Length < 5_200_000; i++)
        {
            time = time.AddMilliseconds(rng.Next(1, 900));
            string stamp = time.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
            text.Append(i % 997 == 0 ? $"{stamp} error {10050 + rng.Next(10)} reset by {peer}\n" : $"{stamp} info request {i} served in {rng.Next(500)} ms\n");
        }
        return text.ToString();
    }

    private static (string Host, long Time, EventKind Kind, int? Code, int Line, string Message)[] Events(EventStore store) =>
        store.Resolve(store.Load(new EventScan()).Id)
            .Select(e => (e.Host!, e.Time!.Value.ToUnixTimeMilliseconds(), e.Kind, e.Code, e.Line, e.Message))
            .OrderBy(e => e.Item1, StringComparer.Ordinal).ThenBy(e => e.Item2).ThenBy(e => e.Item5)
            .ToArray();

    [Fact]
    public void Large_files_in_other_folders_are_read_at_once_and_stored_as_when_read_one_by_one()
    {
        using var dir = new TempFolder();
        dir.File("APPSRV01/app.log", Large(1, "db01"));
        dir.File("APPSRV02/app.log", Large(2, "db02"));
        dir.File("APPSRV03/app.log", Large(3, "db03"));
        var format = new ConcurrencyWatch(new LinesFormat());
        using var together = EventStore.Open(dir.Combine("together.lcdb"));
        var results = new IngestRunner(together, new IngestOptions(), [format]).Run([dir.Path]).ToList();

        using var apart = EventStore.Open(dir.Combine("apart.lcdb"));
        long apartEvents = 0;
        foreach (string host in new[] { "APPSRV01", "APPSRV02", "APPSRV03" })
            apartEvents += new IngestRunner(apart, new IngestOptions { Host = host }, [new LinesFormat()]).Run([dir.Combine(host)]).Single().Events;

        // Without the read-ahead no two files are ever read at the same time.
        Assert.Equal(2, format.MostAtOnce);
        Assert.Equal(
            ["APPSRV01/app.log", "APPSRV02/app.log", "APPSRV03/app.log"],
            results.Select(r => r.RelativePath));
        Assert.All(results, r => Assert.Equal(FileOutcome.Ingested, r.Outcome));
        Assert.Equal(apartEvents, results.Sum(r => r.Events));
        // Ids follow the walk, whichever file was read first.
        var sources = together.Sources().OrderBy(s => s.Id).ToList();
        Assert.Equal(["APPSRV01/app.log", "APPSRV02/app.log", "APPSRV03/app.log"], sources.Select(s => s.RelativePath));
        Assert.Equal(apart.Sources().OrderBy(s => s.Id).Select(s => (s.Events, s.First, s.Last)), sources.Select(s => (s.Events, s.First, s.Last)));
        Assert.Equal(Events(apart), Events(together));
    }

    [Fact]
    public void Large_app_logs_of_one_folder_are_read_at_once_but_a_folders_error_logs_in_turn()
    {
        using var dir = new TempFolder();
        dir.File("APPSRV01/Logs/app-20240304.log", Large(13, "db01"));
        dir.File("APPSRV01/Logs/app-20240305.log", Large(14, "db01"));
        // ERRORLOG teaches ERRORLOG.1 (no startup block of its own) the server and its offset.
        byte[] sample = File.ReadAllBytes(RepoPaths.File("sample-logs/incident-restart/SQLPROD01/ERRORLOG"));
        dir.File("SQLPROD01/ERRORLOG", [.. sample, .. Utf16Lines("2024-03-05 12:00:00.00 spid51      Login succeeded for user 'app'.", 60_000)]);
        dir.File("SQLPROD01/ERRORLOG.1", [0xFF, 0xFE, .. Utf16Lines("2024-03-03 00:30:05.87 spid64      Process ID 71 was killed by hostname APPSRV02, host process ID 977.", 60_000)]);
        var apps = new ConcurrencyWatch(new LinesFormat());
        var errorLogs = new ConcurrencyWatch(FormatRegistry.Find("errorlog")!);
        using var store = EventStore.Open(dir.Combine("s.lcdb"));

        var results = new IngestRunner(store, new IngestOptions(), [apps, errorLogs]).Run([dir.Path]).ToList();

        Assert.All(results, r => Assert.Equal(FileOutcome.Ingested, r.Outcome));
        Assert.Equal(2, apps.MostAtOnce);
        Assert.Equal(1, errorLogs.MostAtOnce);
        var archive = store.Sources().Single(s => s.RelativePath == "SQLPROD01/ERRORLOG.1");
        Assert.Equal(("SQLPROD01", "-05:00 (from file)"), (archive.Host, archive.OffsetText));
        Assert.Equal(DateTimeOffset.Parse("2024-03-03T05:30:05.87Z", System.Globalization.CultureInfo.InvariantCulture), archive.First);
    }

    private static byte[] Utf16Lines(string line, int count)
    {
        var text = new StringBuilder(count * (line.Length + 2));
        for (int i = 0; i < count; i++)
            text.Append(line).Append("\r\n");
        return Encoding.Unicode.GetBytes(text.ToString());
    }

    [Fact]
    public void Host_names_given_by_a_file_read_ahead_reach_the_store_and_read_back_after_reopening()
    {
        using var dir = new TempFolder();
        dir.File("APPSRV01/app.log", Large(4, "db01"));
        dir.File("APPSRV02/app.log", Large(5, "db02"));
        string path = dir.Combine("s.lcdb");
        using (var store = EventStore.Open(path))
            new IngestRunner(store, new IngestOptions(), [new LinesFormat()]).Run([dir.Path]).ToList();

        using var reopened = EventStore.Open(path);
        var hosts = Events(reopened).GroupBy(e => e.Host).ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(["APPSRV01", "APPSRV02"], hosts.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(reopened.Sources().Select(s => s.Events).Sum(), hosts.Values.Sum());
    }

    [Fact]
    public void A_reader_that_throws_on_a_file_read_ahead_fails_that_file_alone()
    {
        using var dir = new TempFolder();
        dir.File("a/app.log", Large(6, "db01"));
        dir.File("b/boom.log", "#boom\n" + Large(7, "db02"));
        dir.File("c/app.log", Large(8, "db03"));
        using var store = EventStore.Open(dir.Combine("s.lcdb"));

        var results = new IngestRunner(store, new IngestOptions(), [new ThrowingFormat(), new LinesFormat()]).Run([dir.Path]).ToList();

        Assert.Equal(
        [
            ("a/app.log", FileOutcome.Ingested, null),
            ("b/boom.log", FileOutcome.InternalError, "internal error in the boom reader: index out of range at line 2; the other files were ingested"),
            ("c/app.log", FileOutcome.Ingested, null),
        ], results.Select(r => (r.RelativePath, r.Outcome, r.Reason)));
        Assert.Equal(["a/app.log", "c/app.log"], store.Sources().OrderBy(s => s.Id).Select(s => s.RelativePath));
        Assert.Equal(results[0].Events + results[2].Events, store.CountEvents());
    }

    [Fact]
    public void Names_a_file_read_ahead_gave_out_survive_the_rollback_of_the_file_written_meanwhile()
    {
        using var dir = new TempFolder();
        dir.File("APPSRV01/boom.log", "#boom\n" + Large(11, "db01"));
        dir.File("APPSRV02/app.log", Large(12, "db02"));
        string path = dir.Combine("s.lcdb");
        List<FileResult> results;
        using (var store = EventStore.Open(path))
            results = new IngestRunner(store, new IngestOptions(), [new ThrowingFormat(), new LinesFormat()]).Run([dir.Path]).ToList();

        using var reopened = EventStore.Open(path);
        var events = Events(reopened);

        Assert.Equal([FileOutcome.InternalError, FileOutcome.Ingested], results.Select(r => r.Outcome));
        Assert.Equal(results[1].Events, events.Length);
        Assert.All(events, e => Assert.Equal("APPSRV02", e.Host));
    }

    [Fact]
    public void Ctrl_C_while_the_next_file_is_read_ahead_keeps_only_whole_files_and_a_rerun_completes()
    {
        using var dir = new TempFolder();
        dir.File("a/app.log", Large(9, "db01"));
        dir.File("b/app.log", Large(10, "db02"));
        using var store = EventStore.Open(dir.Combine("s.lcdb"));
        using var cancel = new CancellationTokenSource();
        var format = new InterruptingFormat(new LinesFormat(), cancel, afterEvents: 20_000, only: "a/app.log");

        var done = new List<FileResult>();
        Assert.Throws<OperationCanceledException>(() =>
        {
            foreach (var r in new IngestRunner(store, new IngestOptions(), [format]).Run([dir.Path], cancel.Token))
                done.Add(r);
        });
        Assert.Empty(done);
        Assert.Empty(store.Sources());
        Assert.Equal(0, store.CountEvents());

        var rerun = new IngestRunner(store, new IngestOptions(), [new LinesFormat()]).Run([dir.Path]).ToList();
        Assert.All(rerun, r => Assert.Equal(FileOutcome.Ingested, r.Outcome));
        Assert.Equal(rerun.Sum(r => r.Events), store.CountEvents());
    }

    /// <summary>Counts how many files are being read at the same moment.</summary>
    private sealed class ConcurrencyWatch(ILogFormat inner) : ILogFormat
    {
        private int _now;
        private int _most;

        public int MostAtOnce => _most;

        public string Name => inner.Name;

        public bool LearnsFromSiblings => inner.LearnsFromSiblings;

        public double Score(SniffSample sample) => inner.Score(sample);

        public void Read(LogCorrelator.Ingest.Framing.LineReader lines, IngestContext context, IEventSink sink)
        {
            int now = Interlocked.Increment(ref _now);
            InterlockedMax(ref _most, now);
            try
            {
                // Long enough to overlap the next file's start on a busy machine.
                Thread.Sleep(200);
                inner.Read(lines, context, sink);
            }
            finally
            {
                Interlocked.Decrement(ref _now);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
