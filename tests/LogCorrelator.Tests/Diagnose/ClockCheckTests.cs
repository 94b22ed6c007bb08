using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Diagnose;

/// <summary>
/// Clock sanity on small stores: errors that follow a restart by a few seconds once moved a whole
/// hour are reported as a clock offset, not as unexplained; errors no quarter-hour offset aligns are left alone.
/// </summary>
public sealed class ClockCheckTests : IDisposable
{
    private readonly StoreBuilder _store = new();

    public void Dispose() => _store.Dispose();

    private static Rule Restart => RuleSet.BuiltIn.Single(r => r.Id == "restart");

    [Fact]
    public void Errors_an_hour_after_a_restart_are_a_clock_offset()
    {
        _store.Source("SQL01/ERRORLOG", "SQL01", "errorlog")
            .Restart("10:00:00.000")
            .Source("APP01/app.log", "APP01")
            .Error("11:00:02.000", 10054)
            .Error("11:00:05.000", 10054)
            .Error("11:00:40.000", 10054)
            .Error("13:00:00.000", 10054);

        var d = EngineRun.Of(_store, Restart);

        var clock = Assert.Single(d.Clocks);
        // The test store records no offset for its files, so APP01's clock counts as assumed UTC.
        Assert.Equal(("APP01", 3600.0, true, 3, 4), (clock.Host, clock.OffsetSeconds, clock.Assumed, clock.Explained, clock.Errors));
        Assert.Equal("SQL01", clock.Against);
        Assert.Equal("APP01's times look 1 h late against SQL01: 3 of its 4 unexplained errors fit restart once moved 1 h earlier. "
            + "Its log states no UTC offset and was read as UTC (assumed); it is probably UTC+01:00: ingest it again with --tz 'APP01/**=+01:00'.", clock.Text);
        Assert.Equal("--tz 'APP01/**=+01:00'", clock.Suggestion);
        var cause = Assert.Single(d.Causes);
        Assert.Equal((3, 3, 0.72), (cause.Explained, cause.ClockCorrected, cause.Confidence));
        Assert.Equal("3 of 4 errors 10054 between 10:00:02 and 10:00:40 follow the restart at 10:00:00 by 2–40 s "
            + "(3 of them with APP01's clock moved 1 h earlier)", cause.Summary);
        Assert.Equal(["13:00:00.000"], d.Unexplained.SelectMany(g => g.Errors).Select(e => Utc.Text(e.Time)));
    }

    [Fact]
    public void Errors_no_zone_offset_aligns_stay_unexplained()
    {
        // Moved 1 h they land 7.5 min after the restart, moved 1 h 15 min before it: neither fits.
        _store.Source("SQL01/ERRORLOG", "SQL01", "errorlog")
            .Restart("10:00:00.000")
            .Source("APP01/app.log", "APP01")
            .Error("11:07:30.000", 10054)
            .Error("11:07:35.000", 10054)
            .Error("11:07:40.000", 10054);

        var d = EngineRun.Of(_store, Restart);

        Assert.Empty(d.Clocks);
        Assert.Empty(d.Causes);
        Assert.Equal(3, d.UnexplainedCount);
    }

    [Fact]
    public void A_host_whose_errors_already_fit_a_server_event_keeps_its_clock()
    {
        _store.Source("SQL01/ERRORLOG", "SQL01", "errorlog")
            .Restart("10:00:00.000")
            .Restart("12:00:00.000")
            .Source("APP01/app.log", "APP01")
            .Error("10:00:03.000", 10054)
            .Error("13:00:02.000", 10054)
            .Error("13:00:05.000", 10054)
            .Error("13:00:09.000", 10054);

        var d = EngineRun.Of(_store, Restart);

        Assert.Empty(d.Clocks);
        Assert.Equal(["10:00:03.000"], Assert.Single(d.Causes).Times());
    }
}
