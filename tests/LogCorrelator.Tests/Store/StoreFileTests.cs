using LiteDB;
using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Store;
using LogCorrelator.Tests.Support;
using LogCorrelator.Time;

namespace LogCorrelator.Tests.Store;

/// <summary>The store file itself: versions, damage, and who may open it while another logcorr has it.</summary>
public sealed class StoreFileTests
{
    [Fact]
    public void A_store_made_by_the_sqlite_logcorr_is_refused_with_what_to_do()
    {
        using var dir = new TempFolder();
        string path = dir.Combine("old.lcdb");
        File.WriteAllBytes(path, [.. "SQLite format 3\0"u8, .. new byte[4080]]);

        var error = Assert.Throws<StoreException>(() => EventStore.Open(path));

        Assert.Equal($"'{path}' was made by an older logcorr (an SQLite store): delete it and ingest again", error.Message);
    }

    [Fact]
    public void A_store_of_an_older_block_format_is_refused_never_misread()
    {
        using var dir = new TempFolder();
        string path = dir.Combine("old.lcdb");
        using (var db = new LiteDatabase(new ConnectionString { Filename = path }))
            db.GetCollection("meta").Insert(new BsonDocument { ["_id"] = "schema", ["v"] = 2 });

        var error = Assert.Throws<StoreException>(() => EventStore.OpenRead(path));

        Assert.Equal($"'{path}' was made by an older logcorr (store format 2, this one reads 3): delete it and ingest again", error.Message);
    }

    [Fact]
    public void A_store_left_empty_by_an_ingest_killed_as_it_began_reads_as_holding_nothing()
    {
        // The kill test found it: SIGKILL between creating the file and LiteDB writing its header.
        using var dir = new TempFolder();
        string path = dir.Combine("s.lcdb");
        File.WriteAllBytes(path, []);

        using (var store = EventStore.OpenRead(path))
        {
            Assert.Empty(store.Sources());
            Assert.Equal(0, store.Load(new EventScan()).Count);
        }
        Assert.Equal(0, new FileInfo(path).Length);

        using (var store = EventStore.Open(path))
            Write(store, dir.File("app.log", "x\n"), 10);
        using (var again = EventStore.OpenRead(path))
            Assert.Single(again.Sources());
    }

    [Fact]
    public void A_store_cut_inside_its_header_is_reported_as_damaged()
    {
        using var dir = new TempFolder();
        string path = dir.Combine("s.lcdb");
        using (var store = EventStore.Open(path))
            Write(store, dir.File("app.log", "x\n"), 10);
        using (var f = new FileStream(path, FileMode.Open))
            f.SetLength(100);

        var error = Record.Exception(() => EventStore.OpenRead(path).Dispose());

        var damaged = Assert.IsType<StoreException>(error);
        Assert.StartsWith($"the store '{path}' is damaged (", damaged.Message);
    }

    [Fact]
    public void A_truncated_store_is_reported_as_damaged_with_how_to_rebuild_it()
    {
        using var dir = new TempFolder();
        string path = dir.Combine("s.lcdb");
        using (var store = EventStore.Open(path))
            Write(store, dir.File("app.log", "x\n"), 5000);
        using (var f = new FileStream(path, FileMode.Open))
            f.SetLength(f.Length / 3);

        var error = Record.Exception(() =>
        {
            using var store = EventStore.OpenRead(path);
            store.Load(new EventScan());
        });

        var damaged = Assert.IsType<StoreException>(error);
        Assert.StartsWith($"the store '{path}' is damaged (", damaged.Message);
        Assert.EndsWith("delete it and ingest again; it is rebuilt from the logs", damaged.Message);
    }

    [Fact]
    public void A_reader_is_refused_in_one_line_while_an_ingest_writes()
    {
        using var dir = new TempFolder();
        string path = dir.Combine("s.lcdb");
        using var writer = EventStore.Open(path);

        var error = Assert.Throws<StoreException>(() => EventStore.OpenRead(path));

        Assert.Equal($"an ingest is writing '{path}': run this again when it has finished", error.Message);
    }

    [Fact]
    public void Readers_share_the_store_and_a_writer_waits_for_them_then_refuses_in_one_line()
    {
        using var dir = new TempFolder();
        string path = dir.Combine("s.lcdb");
        using (var store = EventStore.Open(path))
            Write(store, dir.File("app.log", "x\n"), 3);
        using var first = EventStore.OpenRead(path);
        using var second = EventStore.OpenRead(path);

        var error = Assert.Throws<StoreException>(() => EventStore.Open(path, TimeSpan.FromMilliseconds(300)));

        Assert.Equal((3L, 3L), (first.CountEvents(), second.Load(new EventScan()).Count));
        Assert.Equal($"'{path}' is in use by another logcorr (an ingest, a query or the TUI): run this again when it has finished", error.Message);
    }

    [Fact]
    public async Task A_writer_gets_the_store_once_its_readers_have_closed_it()
    {
        using var dir = new TempFolder();
        string path = dir.Combine("s.lcdb");
        using (var store = EventStore.Open(path))
            Write(store, dir.File("app.log", "x\n"), 3);
        var reader = EventStore.OpenRead(path);
        var closing = Task.Run(() =>
        {
            Thread.Sleep(200);
            reader.Dispose();
        });

        using var writer = EventStore.Open(path, TimeSpan.FromSeconds(10));
        await closing;

        Assert.Equal(3, writer.CountEvents());
    }

    private static void Write(EventStore store, string path, int events)
    {
        using var writer = store.BeginSource(path, Path.GetFileName(path), "test", SourceEncoding.Utf8, 2, 0);
        for (int i = 0; i < events; i++)
        {
            var e = new LogEvent { Time = Utc.Ms("11:00:00.000") + i, Kind = i % 100 == 0 ? EventKind.Error : EventKind.Info, Code = i % 100 == 0 ? 10054 : null,
                Host = "APPSRV01", Line = i + 1, Offset = i * 10L, Length = 9 };
            writer.Add(ref e);
        }
        writer.Commit(new SourceClock(null), "APPSRV01", 0);
    }
}
