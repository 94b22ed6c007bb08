using LogCorrelator.Events;
using LogCorrelator.Store;
using LogCorrelator.Tests.Query;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Store;

public sealed class EventBrowserTests : IClassFixture<IncidentFixture>
{
    private static readonly EventScan Errors = new() { Kinds = [EventKind.Error] };
    private readonly EventStore _store;
    private readonly EventBrowser _browser;

    public EventBrowserTests(IncidentFixture incident)
    {
        _store = incident.Store;
        _browser = new EventBrowser(_store);
    }

    [Fact]
    public void Extent_is_the_first_and_last_time_of_the_scan()
    {
        Assert.Equal((Utc.Ms("10:15:00.250"), Utc.Ms("11:47:24.502")), _browser.Extent(Errors));
        Assert.Equal((Utc.Ms("11:31:50.120"), Utc.Ms("11:47:22.400")),
            _browser.Extent(new EventScan { Kinds = [EventKind.Shutdown, EventKind.Kill, EventKind.Restart] }));
        Assert.Null(_browser.Extent(new EventScan { Kinds = [EventKind.Failover] }));
    }

    [Fact]
    public void Count_adds_up_every_kind_of_the_scan()
    {
        Assert.Equal(8, _browser.Count(Errors));
        // 10054: five of APPSRV01 and one of APPSRV02; the 08S01 error has no number.
        Assert.Equal(6, _browser.Count(new EventScan { Kinds = [EventKind.Error], Codes = [10054] }));
        Assert.Equal(1, _browser.Count(new EventScan { Kinds = [EventKind.Error], SqlStates = ["08S01"] }));
        // Every kind: 7 + 1 app events, 5 + 1 ERRORLOG events.
        Assert.Equal(14, _browser.Count(new EventScan()));
    }

    [Fact]
    public void Histogram_counts_each_bucket_from_the_window_start()
    {
        // Errors from 11:28 in 1-minute buckets: 11:28:41 in bucket 0, 11:29:30 in 1, 11:32:06 and 11:32:07 in 4.
        var counts = _browser.Histogram(Errors, Utc.Ms("11:28:00"), 60_000, 6);

        Assert.Equal([1, 1, 0, 0, 2, 0], counts);
    }

    [Fact]
    public void Histogram_stops_at_the_last_bucket_and_merges_kinds()
    {
        // 11:31:50 shutdown, 11:32:04 restart, 11:32:06 and :07 errors, 11:32:15 ready; the window ends at 11:32:10.
        var counts = _browser.Histogram(new EventScan { Kinds = [EventKind.Error, EventKind.Restart, EventKind.Shutdown, EventKind.Ready] },
            Utc.Ms("11:31:50"), 10_000, 2);

        Assert.Equal([1, 3], counts);
    }

    [Fact]
    public void Histogram_of_info_lines_counts_them_in_one_pass_outside_the_kind_index()
    {
        using var builder = new StoreBuilder();
        builder.Source("APPSRV01/app.log", "APPSRV01")
            .Event("12:00:05.000", EventKind.Info, "Starting batch.")
            .Event("12:00:59.999", EventKind.Info, "Batch running.")
            .Error("12:01:00.000", 10054)
            .Event("12:02:30.000", EventKind.Info, "Batch done.")
            .Event("12:03:00.000", EventKind.Info, "Idle.");
        var browser = new EventBrowser(builder.Build());

        // From 12:00 in 1-minute buckets, 3 of them: two info lines in bucket 0, none in 1, one in 2;
        // 12:03:00 is the end of the window, so not counted; the error counts only when its kind is asked.
        Assert.Equal([2, 0, 1], browser.Histogram(new EventScan { Kinds = [EventKind.Info] }, Utc.Ms("12:00:00"), 60_000, 3));
        Assert.Equal([2, 1, 1], browser.Histogram(new EventScan { Kinds = [EventKind.Info, EventKind.Error] }, Utc.Ms("12:00:00"), 60_000, 3));
    }

    [Fact]
    public void Pages_go_forward_and_backward_by_key_in_time_order()
    {
        var first = _browser.Page(Errors, EventRef.Start, 3);
        var next = _browser.Page(Errors, first[^1], 3);
        var last = _browser.Page(Errors, EventRef.End, 2, backward: true);
        var before = _browser.Page(Errors, next[0], 2, backward: true);

        Assert.Equal(["10:15:00.250", "11:28:41.337", "11:29:30.118"], first.Select(e => Utc.Text(Time(e))));
        Assert.Equal(["11:32:06.480", "11:32:07.112", "11:47:23.015"], next.Select(e => Utc.Text(Time(e))));
        // APPSRV02's 11:47:23.500 was written after APPSRV01's 11:47:24.502, but time orders it first.
        Assert.Equal(["11:47:23.500", "11:47:24.502"], last.Select(e => Utc.Text(Time(e))));
        Assert.Equal(["11:28:41.337", "11:29:30.118"], before.Select(e => Utc.Text(Time(e))));
    }

    [Fact]
    public void A_page_of_several_kinds_is_merged_by_time_and_keeps_the_kind()
    {
        var page = _browser.Page(new EventScan { Kinds = [EventKind.Restart, EventKind.Shutdown, EventKind.Kill] }, EventRef.At(Utc.Ms("11:00:00")), 10);

        Assert.Equal([EventKind.Shutdown, EventKind.Restart, EventKind.Kill], page.Select(e => e.Kind));
        Assert.Equal(["11:31:50.120", "11:32:04.310", "11:47:22.400"], page.Select(e => Utc.Text(Time(e))));
    }

    [Fact]
    public void Locate_gives_the_source_offset_and_line_of_an_event()
    {
        var kill = _browser.Page(new EventScan { Kinds = [EventKind.Kill] }, EventRef.Start, 1)[0];

        var at = _browser.Locate(kill.Id)!;

        // SQLPROD01/ERRORLOG of the fixture: shutdown, restart, ready, 17883, then the kill on line 5.
        Assert.Equal("SQLPROD01/ERRORLOG", at.Source.RelativePath);
        Assert.Equal(5, at.Line);
        Assert.Equal("11:47:22.400 Process ID 87 was killed by hostname APPSRV01, host process ID 4412.\n",
            File.ReadAllText(at.Source.Path).Substring((int)at.Offset, at.Length));
        Assert.Null(_browser.Locate(999_999));
    }

    private static DateTimeOffset Time(EventRef e) => DateTimeOffset.FromUnixTimeMilliseconds(e.Time);
}
