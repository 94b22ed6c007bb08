using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Store;
using LogCorrelator.Tests.Support;
using LogCorrelator.Time;

namespace LogCorrelator.Tests.Store;

public sealed class StoreLayoutTests
{
    private const long Source1 = 1L << 32;
    private const long Source2 = 2L << 32;

    [Fact]
    public void Each_source_numbers_its_events_in_its_own_id_range_in_file_order()
    {
        using var builder = new StoreBuilder()
            .Source("a.log", "APPSRV01").Error("11:00:00.000", 10054).Error("11:00:01.000", 10054).Error("11:00:02.000", 10054)
            .Source("b.log", "APPSRV02").Error("11:00:00.500", 10054).Error("11:00:01.500", 10054);
        var store = builder.Build();

        var all = store.Load(new EventScan());

        Assert.Equal([Source1 + 1, Source2 + 1, Source1 + 2, Source2 + 2, Source1 + 3], all.Id.AsSpan(0, all.Count).ToArray());
    }

    [Fact]
    public void Resolve_answers_in_the_order_asked_with_messages_and_lines_from_the_files()
    {
        using var builder = new StoreBuilder()
            .Source("a.log", "APPSRV01").Error("11:00:00.000", 10054, "first").Error("11:00:01.000", 10053, "second")
            .Source("b.log", "APPSRV02").Error("11:00:00.500", -2, "third");
        var store = builder.Build();

        var events = store.Resolve([Source2 + 1, Source1 + 2, Source1 + 1]);

        Assert.Equal([("third", -2, 1, "APPSRV02"), ("second", 10053, 2, "APPSRV01"), ("first", 10054, 1, "APPSRV01")],
            events.Select(e => (e.Message, e.Code!.Value, e.Line, e.Host!)).ToArray());
        Assert.Equal(Utc.At("11:00:00.500"), events[0].Time);
    }

    [Fact]
    public void Rare_attributes_come_back_with_their_event_and_a_sqlstate_scan_finds_it()
    {
        using var builder = new StoreBuilder()
            .Source("ERRORLOG", "SQLPROD01").Kill("11:47:22.400", 87, "APPSRV01")
            .Source("app.log", "APPSRV01")
            .Event("11:32:07.112", EventKind.Error, "Communication link failure", sqlState: "08S01")
            .Error("11:32:08.000", 10054);
        var store = builder.Build();

        var kill = Assert.Single(store.Resolve([Source1 + 1]));
        var odbc = store.Load(new EventScan { SqlStates = ["08S01"] });
        var peers = store.Load(new EventScan { Kinds = [EventKind.Kill], Fields = ColumnSet.Peer });

        Assert.Equal(("APPSRV01", 87, EventKind.Kill), (kill.Peer!, kill.Spid!.Value, kill.Kind));
        Assert.Equal([Source2 + 1], odbc.Id.AsSpan(0, odbc.Count).ToArray());
        Assert.Equal("08S01", Assert.Single(store.Resolve([Source2 + 1])).SqlState);
        Assert.Equal(1, peers.Count);
        Assert.Equal(store.FindName("APPSRV01"), peers.Peer[0]);
    }

    [Fact]
    public void A_scan_of_every_kind_is_in_time_order_even_when_the_file_is_not()
    {
        using var builder = new StoreBuilder()
            .Source("a.log", "APPSRV01").Error("11:00:02.000", 1).Error("11:00:01.000", 2).Error("11:00:03.000", 3).Error("11:00:01.000", 4);
        var store = builder.Build();

        var all = store.Load(new EventScan());

        // Equal times keep file order: id 2 before id 4.
        Assert.Equal([Source1 + 2, Source1 + 4, Source1 + 1, Source1 + 3], all.Id.AsSpan(0, all.Count).ToArray());
        Assert.Equal([2, 4, 1, 3], all.Code.AsSpan(0, all.Count).ToArray());
    }

    [Fact]
    public void A_scan_of_every_kind_for_the_join_is_sorted_in_place_with_ties_in_id_order()
    {
        using var builder = new StoreBuilder()
            .Source("a.log", "APPSRV01").Error("11:00:02.000", 1).Error("11:00:01.000", 2).Error("11:00:01.000", 3)
            .Source("b.log", "APPSRV02").Error("11:00:01.000", 4).Error("11:00:00.000", 5);
        var store = builder.Build();

        var all = store.Load(new EventScan { Fields = ColumnSet.None });

        Assert.Equal([Source2 + 2, Source1 + 2, Source1 + 3, Source2 + 1, Source1 + 1], all.Id.AsSpan(0, all.Count).ToArray());
        Assert.Equal([Utc.Ms("11:00:00.000"), Utc.Ms("11:00:01.000"), Utc.Ms("11:00:01.000"), Utc.Ms("11:00:01.000"), Utc.Ms("11:00:02.000")],
            all.Time.AsSpan(0, all.Count).ToArray());
    }

    [Fact]
    public void A_scan_for_the_join_loads_times_and_ids_only()
    {
        using var builder = new StoreBuilder().Source("a.log", "APPSRV01").Error("11:00:00.000", 10054).Error("11:00:01.000", 10054);
        var store = builder.Build();

        var lean = store.Load(new EventScan { Kinds = [EventKind.Error], Fields = ColumnSet.None });

        Assert.Equal(2, lean.Count);
        Assert.Equal((0, 0, 0, 0, 0), (lean.Kind.Length, lean.Code.Length, lean.Host.Length, lean.Peer.Length, lean.Spid.Length));
        // Ids and times only: 16 bytes a row of the set's capacity.
        Assert.Equal(lean.Id.Length * 16L, lean.Bytes);
    }

    [Fact]
    public void Writing_a_file_again_replaces_its_events_and_attributes_and_a_rollback_leaves_nothing()
    {
        using var dir = new TempFolder();
        using var store = EventStore.Open(dir.Combine("s.lcdb"));
        string path = dir.File("app.log", "x\n");
        Write(store, path, commit: true, Event("11:00:00.000", "08S01"), Event("11:00:01.000", null));
        Write(store, path, commit: true, Event("11:00:02.000", null));
        Write(store, dir.File("other.log", "x\n"), commit: false, Event("11:00:03.000", "08001"));

        Assert.Equal(1, store.CountEvents());
        Assert.Equal(0, store.Load(new EventScan { SqlStates = ["08S01", "08001"] }).Count);
        var all = store.Load(new EventScan());
        Assert.Equal([Utc.Ms("11:00:02.000")], all.Times.ToArray());
        Assert.Single(store.Sources());
    }

    [Fact]
    public void What_a_store_holds_comes_back_the_same_after_it_is_closed_and_opened_again()
    {
        using var dir = new TempFolder();
        string path = dir.Combine("s.lcdb");
        string log = dir.File("app.log", "x\n");
        using (var store = EventStore.Open(path))
            Write(store, log, commit: true, Event("11:00:00.000", "08S01"), Event("11:00:01.000", null));

        using var again = EventStore.OpenRead(path);

        var events = again.Resolve([Source1 + 1, Source1 + 2]);
        Assert.Equal([("08S01", "APPSRV01"), (null, "APPSRV01")], events.Select(e => (e.SqlState, e.Host)).ToArray());
        Assert.Equal((2L, Utc.Ms("11:00:01.000")), (again.CountEvents(), again.NewestTime()));
    }

    private static LogEvent Event(string time, string? sqlState) =>
        new() { Time = Utc.Ms(time), Kind = EventKind.Error, SqlState = sqlState, Host = "APPSRV01", Line = 1, Length = 2 };

    private static void Write(EventStore store, string path, bool commit, params LogEvent[] events)
    {
        using var writer = store.BeginSource(path, Path.GetFileName(path), "test", SourceEncoding.Utf8, 2, 0);
        for (int i = 0; i < events.Length; i++)
            writer.Add(ref events[i]);
        if (commit)
            writer.Commit(new SourceClock(null), "APPSRV01", 0);
    }

    [Fact]
    public void A_question_about_errors_decodes_only_the_notable_blocks_and_a_time_range_only_the_blocks_it_meets()
    {
        using var dir = new TempFolder();
        using var store = EventStore.Open(dir.Combine("s.lcdb"));
        string path = dir.File("ERRORLOG", "x\n");
        using (var writer = store.BeginSource(path, "ERRORLOG", "test", SourceEncoding.Utf8, 2, 0))
        {
            // 20,000 info lines a second apart with an error every 1,000th: 5 info blocks and 1 notable block.
            for (int i = 0; i < 20_000; i++)
            {
                var e = new LogEvent { Time = Utc.Ms("11:00:00.000") + i * 1000L, Kind = i % 1000 == 0 ? EventKind.Error : EventKind.Info,
                    Code = i % 1000 == 0 ? 10054 : null, Host = "SQLPROD01", Line = i + 1, Offset = i * 10L, Length = 9 };
                writer.Add(ref e);
            }
            writer.Commit(new SourceClock(null), "SQLPROD01", 0);
        }
        var errors = new LogCorrelator.Store.Blocks.BlockScanStats();
        var hour = new LogCorrelator.Store.Blocks.BlockScanStats();

        int errorCount = store.Scan(new LogCorrelator.Store.Blocks.BlockFilter(kinds: [EventKind.Error]), errors).Sum(b => b.Count);
        int hourCount = store.Scan(new LogCorrelator.Store.Blocks.BlockFilter(kinds: [EventKind.Info],
            from: Utc.Ms("11:00:00.000") + 5_000_000, to: Utc.Ms("11:00:00.000") + 5_000_000 + 3_600_000), hour).Count();

        Assert.Equal((6, 5, 1, 20), (errors.Considered, errors.Pruned, errors.Decoded, errorCount));
        // 3,601 seconds of info lines span two of the 4,080-line info blocks at most.
        Assert.Equal((6, 4, 2, 2), (hour.Considered, hour.Pruned, hour.Decoded, hourCount));
    }
}
