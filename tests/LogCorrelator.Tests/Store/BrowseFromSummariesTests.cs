using LogCorrelator.Events;
using LogCorrelator.Store;
using LogCorrelator.Store.Blocks;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Store;

/// <summary>
/// The TUI's first frame (extent, count, histogram of <c>errors</c>) answered from the blocks'
/// summaries. On a 10M-event store it decoded every notable block, a million errors, three times over
/// (1.2 s to the first frame); each kind's count and time span in the summary leave only the blocks
/// that straddle a bucket's edge to decode.
/// </summary>
public sealed class BrowseFromSummariesTests : IDisposable
{
    private const long Minute = 60_000, Hour = 60 * Minute, Day = 24 * Hour;
    private const int Errors = 20_000;
    private static readonly EventScan ErrorScan = new() { Kinds = [EventKind.Error] };
    private readonly StoreBuilder _builder = new();
    private readonly long _start = Utc.Ms("00:00:00.000");
    private readonly EventStore _store;

    public BrowseFromSummariesTests()
    {
        // An error every 30 s for ~6.9 days (five notable blocks), a restart at 06:00 every day in the
        // same lane: the blocks hold two kinds, so a block's own time range says nothing about errors.
        _builder.Source("APPSRV01/app.log", "APPSRV01");
        for (int i = 0; i < Errors; i++)
        {
            long t = _start + i * 30_000L + 7;
            if (i % 2880 == 720)
                _builder.Event(t - 1, EventKind.Restart, "SQL Server is starting at normal priority base (=7).");
            _builder.Event(t, EventKind.Error, "An existing connection was forcibly closed by the remote host.", code: 10054);
        }
        _store = _builder.Build();
    }

    [Fact]
    public void Extent_and_count_of_a_kind_decode_no_block()
    {
        var stats = new BlockScanStats();
        var browser = new EventBrowser(_store, stats);

        Assert.Equal((_start + 7, _start + (Errors - 1) * 30_000L + 7), browser.Extent(ErrorScan));
        Assert.Equal(Errors, browser.Count(ErrorScan));
        Assert.Equal(7, browser.Count(new EventScan { Kinds = [EventKind.Restart] }));
        Assert.Equal(0, stats.Decoded);
    }

    [Fact]
    public void A_count_cut_inside_a_block_decodes_only_the_blocks_at_the_cut()
    {
        var stats = new BlockScanStats();
        var browser = new EventBrowser(_store, stats);

        // From day 1 12:00 to day 4 12:00 inclusive: errors at 30 s steps (+7 ms) in that span.
        long from = _start + Day + 12 * Hour, to = _start + 4 * Day + 12 * Hour;
        Assert.Equal(3 * Day / 30_000, browser.Count(ErrorScan with { From = from, To = to }));
        Assert.InRange(stats.Decoded, 1, 2);
    }

    [Fact]
    public void A_histogram_by_day_is_exact_and_decodes_only_blocks_over_midnight()
    {
        var stats = new BlockScanStats();
        var browser = new EventBrowser(_store, stats);

        var counts = browser.Histogram(ErrorScan, _start, Day, 8);

        // 2,880 errors a day for six days, then the remaining 2,720 on day 7; none on day 8.
        Assert.Equal([2880, 2880, 2880, 2880, 2880, 2880, 2720, 0], counts);
        int notable = _store.BlockSummaries.Count(b => b.HasKind(EventKind.Error));
        Assert.Equal(5, notable);
        // Blocks hold 4,096 events (~34 h): each but the last crosses one midnight at least.
        Assert.InRange(stats.Decoded, 1, notable);
        var hourly = new BlockScanStats();
        Assert.Equal(Enumerable.Repeat(120L, 24), new EventBrowser(_store, hourly).Histogram(ErrorScan, _start + 2 * Day, Hour, 24));
    }

    [Fact]
    public void A_histogram_over_a_long_span_decodes_no_block_inside_one_bucket()
    {
        var stats = new BlockScanStats();
        var browser = new EventBrowser(_store, stats);

        // One 30-day bucket holds every block whole.
        Assert.Equal([(long)Errors], browser.Histogram(ErrorScan, _start, 30 * Day, 1));
        Assert.Equal(0, stats.Decoded);
    }

    public void Dispose() => _builder.Dispose();
}
