using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Diagnose;
using LogCorrelator.Events;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Diagnose;

/// <summary>
/// Each structured rule field, evaluated by the engine over a small store whose answer is plain
/// from its lines: lag, quietBefore with settle, unless, requires on a server host, where, and the
/// host join falling back to time when no name can match.
/// </summary>
public sealed class RuleEngineTests : IDisposable
{
    private readonly StoreBuilder _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void Lag_keeps_the_error_35_seconds_after_a_line_of_its_host()
    {
        _store.Source("APP01/app.log", "APP01")
            .Event("10:00:00.000", EventKind.Info, "Executing AllocateWave on SPID 73")
            .Error("10:00:35.100", 64)
            .Event("10:01:00.000", EventKind.Info, "Executing AllocateWave on SPID 81")
            .Error("10:01:20.000", 64);
        var rule = SomeRules.Make("keepalive", "errors 64 after events within 36s on host", "lag: [35s, 35.6s]");

        var cause = Assert.Single(EngineRun.Of(_store, rule).Causes);

        var error = Assert.Single(cause.Errors);
        Assert.Equal("10:00:35.100", Utc.Text(error.Error.Time));
        Assert.Equal("Executing AllocateWave on SPID 73", error.Nearest!.Message);
        Assert.Equal(35.1, error.LagSeconds!.Value, 3);
    }

    [Fact]
    public void Quiet_before_counts_a_burst_after_one_silence_and_ignores_other_hosts()
    {
        // The health check at 09:10 is a line, not database activity: the silence runs from 09:00 to 09:20.
        _store.Source("APP01/app.log", "APP01")
            .Event("09:00:00.000", EventKind.Info, "Executed DbCommand (4 ms) SELECT p.Id FROM PickLists p")
            .Event("09:10:00.000", EventKind.Info, "HTTP GET /health responded 200 in 0.8 ms")
            .Error("09:20:00.000", 10054)
            .Error("09:20:00.002", 10054)
            .Event("09:21:00.000", EventKind.Info, "Executed DbCommand (3 ms) SELECT p.Id FROM PickLists p")
            .Error("09:22:00.000", 10054)
            .Source("APP02/app.log", "APP02")
            .Event("09:10:00.000", EventKind.Info, "GET /shipments/ 200");
        var rule = SomeRules.Make("idle", "errors 10054", "quietBefore: 4m\nsettle: 5s");

        var cause = Assert.Single(EngineRun.Of(_store, rule).Causes);

        Assert.Equal(["09:20:00.000", "09:20:00.002"], cause.Times());
        Assert.All(cause.Errors, e => Assert.Equal("Executed DbCommand (4 ms) SELECT p.Id FROM PickLists p", e.Nearest!.Message));
        Assert.Equal([1200.0, 1200.002], cause.Errors.Select(e => e.LagSeconds!.Value));
        Assert.Equal("2 of 3 errors 10054 between 09:20:00 and 09:20:00 each come first after 20 min of silence on APP01", cause.Summary);
        var quiet = Assert.Single(cause.Evidence, e => e.Role == EvidenceRole.LastActivity);
        Assert.Equal("last database activity on APP01 before 20 min of silence", quiet.Note);
    }

    [Fact]
    public void Unless_drops_the_errors_near_a_restart()
    {
        _store.Source("SQL01/ERRORLOG", "SQL01", "errorlog")
            .Restart("10:00:00.000")
            .Source("APP01/app.log", "APP01")
            .Error("10:00:10.000", 10054)
            .Error("10:30:00.000", 10054);
        var rule = SomeRules.Make("lone", "errors 10054", "unless: near restart within 5m");

        var cause = Assert.Single(EngineRun.Of(_store, rule).Causes);

        Assert.Equal(["10:30:00.000"], cause.Times());
    }

    [Fact]
    public void Requires_a_setting_on_the_server_host_not_on_a_client()
    {
        _store.Source("SQL01/ERRORLOG", "SQL01", "errorlog")
            .Event("08:00:00.000", EventKind.Info, "Starting up database 'Orders'.")
            .Source("SQL01/netsh.txt", "SQL01")
            .Event("20:00:00.000", EventKind.NetConfig, "TCP Global Parameters", extra: "rss=enabled; chimney=enabled")
            .Source("APP01/netsh.txt", "APP01")
            .Event("20:00:00.000", EventKind.NetConfig, "TCP Global Parameters", extra: "rss=enabled; chimney=disabled")
            .Source("APP01/app.log", "APP01")
            .Error("09:00:00.000", 10054)
            .Error("13:00:00.000", 10054);
        var rule = SomeRules.Make("chimney", "errors 10054", "requires:\n  query: netconfig\n  where: chimney = enabled\n  host: server");

        var cause = Assert.Single(EngineRun.Of(_store, rule).Causes);

        Assert.Equal(["09:00:00.000", "13:00:00.000"], cause.Times());
        var setting = Assert.Single(cause.Evidence, e => e.Role == EvidenceRole.Required);
        Assert.Equal("SQL01", setting.Event.Host);
        Assert.EndsWith("come while the netsh settings of SQL01 say chimney = enabled", cause.Summary);
    }

    [Fact]
    public void Requires_fails_when_only_a_client_has_the_setting()
    {
        _store.Source("SQL01/ERRORLOG", "SQL01", "errorlog")
            .Event("08:00:00.000", EventKind.Info, "Starting up database 'Orders'.")
            .Source("APP01/netsh.txt", "APP01")
            .Event("20:00:00.000", EventKind.NetConfig, "TCP Global Parameters", extra: "chimney=enabled")
            .Source("APP01/app.log", "APP01")
            .Error("09:00:00.000", 10054);
        var rule = SomeRules.Make("chimney", "errors 10054", "requires:\n  query: netconfig\n  where: chimney = enabled\n  host: server");

        var d = EngineRun.Of(_store, rule);

        Assert.Empty(d.Causes);
        Assert.Equal(1, d.UnexplainedCount);
    }

    [Fact]
    public void Where_keeps_only_the_snapshot_near_the_port_limit()
    {
        _store.Source("APP01/netstat.txt", "APP01")
            .Event("10:00:00.000", EventKind.TimeWait, "TCP 10.0.0.1:61550 10.0.0.2:1433 TIME_WAIT", peer: "10.0.0.2:1433", port: 1433, count: 57)
            .Event("10:03:00.000", EventKind.TimeWait, "TCP 10.0.0.1:61536 10.0.0.2:1433 TIME_WAIT", peer: "10.0.0.2:1433", port: 1433, count: 3978)
            .Source("APP01/app.log", "APP01")
            .Error("10:00:10.000", 10048, "Only one usage of each socket address (protocol/network address/port) is normally permitted.")
            .Error("10:03:10.000", 10048, "Only one usage of each socket address (protocol/network address/port) is normally permitted.");
        var rule = SomeRules.Make("ports", "errors near timewait within 1m on host", "where: count >= 3900");

        var cause = Assert.Single(EngineRun.Of(_store, rule).Causes);

        Assert.Equal(["10:03:10.000"], cause.Times());
        Assert.Equal("1 of 2 errors (10048) at 10:03:10 come 10.0 s after the 3978 TIME_WAIT sockets to 10.0.0.2:1433 at 10:03:00", cause.Summary);
    }

    [Fact]
    public void A_where_in_the_query_itself_filters_the_right_hand_set_like_the_yaml_where()
    {
        _store.Source("APP01/netstat.txt", "APP01")
            .Event("10:00:00.000", EventKind.TimeWait, "TCP 10.0.0.1:61550 10.0.0.2:1433 TIME_WAIT", peer: "10.0.0.2:1433", port: 1433, count: 57)
            .Event("10:03:00.000", EventKind.TimeWait, "TCP 10.0.0.1:61536 10.0.0.2:1433 TIME_WAIT", peer: "10.0.0.2:1433", port: 1433, count: 3978)
            .Source("APP01/app.log", "APP01")
            .Error("10:00:10.000", 10048, "Only one usage of each socket address (protocol/network address/port) is normally permitted.")
            .Error("10:03:10.000", 10048, "Only one usage of each socket address (protocol/network address/port) is normally permitted.");
        var rule = SomeRules.Make("ports", "errors near timewait where count >= 3900 within 1m on host", "");

        var cause = Assert.Single(EngineRun.Of(_store, rule).Causes);

        Assert.Equal(["10:03:10.000"], cause.Times());
    }

    [Fact]
    public void The_host_join_names_the_killing_host()
    {
        _store.Source("SQL01/ERRORLOG", "SQL01", "errorlog")
            .Kill("10:00:00.000", 87, "APP02")
            .Source("APP01/app.log", "APP01")
            .Error("10:00:02.000", 10054)
            .Source("APP02/app.log", "APP02")
            .Error("10:00:03.000", 10054);
        var rule = SomeRules.Make("kill", "errors after kill within 30s on host = peer", "keyFallback: true");

        var cause = Assert.Single(EngineRun.Of(_store, rule).Causes);

        Assert.Equal(["10:00:03.000"], cause.Times());
        Assert.Null(cause.Note);
        Assert.Equal(0.9, cause.Confidence);
    }

    [Fact]
    public void Without_a_name_to_match_the_kill_is_joined_on_time_with_less_confidence()
    {
        _store.Source("SQL01/ERRORLOG", "SQL01", "errorlog")
            .Kill("10:00:00.000", 87, "10.20.1.77")
            .Source("APP01/app.log", "APP01")
            .Error("10:00:02.000", 10054);
        var rule = SomeRules.Make("kill", "errors after kill within 30s on host = peer", "keyFallback: true");

        var cause = Assert.Single(EngineRun.Of(_store, rule).Causes);

        Assert.Equal(["10:00:02.000"], cause.Times());
        Assert.Equal(0.63, cause.Confidence);
        Assert.StartsWith("joined on time alone", cause.Note);
    }

    [Fact]
    public void Min_errors_keeps_a_lone_coincidence_from_firing()
    {
        _store.Source("APP01/app.log", "APP01")
            .Event("10:00:00.000", EventKind.Info, "Executing NextBatch on SPID 90")
            .Error("10:00:35.100", 64);
        var rule = SomeRules.Make("keepalive", "errors 64 after events within 36s on host", "lag: [35s, 35.6s]\nminErrors: 2");

        Assert.Empty(EngineRun.Of(_store, rule).Causes);
    }

    [Fact]
    public void Causes_rank_by_errors_explained_then_confidence_and_count_overlaps_both_ways()
    {
        _store.Source("SQL01/ERRORLOG", "SQL01", "errorlog")
            .Restart("10:00:00.000")
            .Source("APP01/app.log", "APP01")
            .Error("10:00:05.000", 10054)
            .Error("10:00:06.000", 10054)
            .Error("10:00:07.000", 10053)
            .Error("12:00:00.000", 10053);
        var all = SomeRules.Make("all", "errors", confidence: 0.5);
        var resets = SomeRules.Make("resets", "errors 10054 after restart within 1m", confidence: 0.8);
        var restart = SomeRules.Make("restart", "errors after restart within 1m", confidence: 0.9);

        var d = EngineRun.Of(_store, resets, all, restart);

        Assert.Equal(["all", "restart", "resets"], d.Causes.Select(c => c.Id));
        Assert.Equal([4, 3, 2], d.Causes.Select(c => c.Explained));
        Assert.Equal([new Overlap("resets", 2), new Overlap("restart", 3)], d.Causes[0].AlsoExplainedBy);
        Assert.Equal([new Overlap("resets", 2), new Overlap("all", 3)], d.Causes[1].AlsoExplainedBy);
        Assert.Equal(0, d.UnexplainedCount);
    }

    [Fact]
    public void Login_failures_are_kept_apart_from_the_errors()
    {
        _store.Source("APP01/app.log", "APP01")
            .Error("10:00:05.000", 18456, "Login failed for user 'orders_app'.")
            .Error("10:00:06.000", 10054)
            .Error("10:00:07.000", 17, "[DBNETLIB][ConnectionOpen (Connect()).]SQL Server does not exist or access denied.");

        var d = EngineRun.Of(_store);

        Assert.Equal(["10:00:06.000", "10:00:07.000"], d.Errors.Select(e => Utc.Text(e.Time)));
        var login = Assert.Single(d.LoginFailures);
        Assert.Equal(("18456", "APP01", "login", 1), (login.Code, login.Host, login.Category, login.Count));
        Assert.Equal([("10054", "transport"), ("17", "connection")], d.Unexplained.Select(g => (g.Code, g.Category)));
    }

    [Fact]
    public void Every_unexplained_error_gets_its_nearest_candidate_not_only_the_first_ones()
    {
        // 600 errors a minute apart, 600 more than the old cap of 200, across three chunks of the search; each
        // has its own line 30 s before it, and the restart is after them all.
        var source = _store.Source("APP01/app.log", "APP01");
        for (int i = 0; i < 600; i++)
        {
            long t = Utc.Ms("10:00:00.000") + i * 60_000L;
            source.Event(t - 30_000, EventKind.Info, "SELECT 1").Event(t, EventKind.Error, "A transport-level error has occurred", code: 10054);
        }
        source.Restart("20:05:00.000");
        var restart = SomeRules.Make("restart", "errors after restart within 5m");
        var idle = SomeRules.Make("idle", "errors 10054", "quietBefore: 4m\nsettle: 5s");

        var d = EngineRun.Of(_store, restart, idle);

        Assert.Equal(600, d.Accounts.Count);
        Assert.All(d.Accounts, a =>
        {
            Assert.Equal(Landing.Unexplained, a.Landing);
            var quiet = Assert.Single(a.Misses, m => m.RuleId == "idle");
            Assert.Equal("SELECT 1", quiet.Nearest?.Message);
            Assert.StartsWith("30 s since APP01's last database activity", quiet.Why, StringComparison.Ordinal);
        });
        // The last error is 6 min before the restart, the first 10 h before it: beyond a 5 min rule's reach (1 h) only the last ones see it.
        var last = Assert.Single(d.Accounts[^1].Misses, m => m.RuleId == "restart");
        Assert.StartsWith("nearest restart 6 min later", last.Why, StringComparison.Ordinal);
        Assert.Equal(EventKind.Restart, last.Nearest?.Kind);
    }

    [Fact]
    public void A_snapshot_lasts_its_host_s_TcpTimedWaitDelay_when_the_evidence_says_it_else_four_minutes()
    {
        // APP01's registry says 30 s: its 10048 a minute after the snapshot is past the state. APP02 has no setting:
        // its snapshot holds 4 min, so the 10048 3 min after it belongs to it.
        _store.Source("APP01/netstat.txt", "APP01")
            .Event("10:00:00.000", EventKind.TimeWait, "TCP 10.0.0.11:50001 10.0.0.5:1433 TIME_WAIT", count: 3990)
            .Source("APP01/tcpip-parameters.txt", "APP01")
            .Event("10:05:00.000", EventKind.NetConfig, @"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters", extra: "tcptimedwaitdelay=30; maxuserport=5000")
            .Source("APP01/app.log", "APP01")
            .Error("10:00:20.000", 10048)
            .Error("10:01:00.000", 10048)
            .Source("APP02/netstat.txt", "APP02")
            .Event("11:00:00.000", EventKind.TimeWait, "TCP 10.0.0.12:50001 10.0.0.5:1433 TIME_WAIT", count: 3995)
            .Source("APP02/app.log", "APP02")
            .Error("11:03:00.000", 10048)
            .Error("11:04:30.000", 10048);
        var rule = RuleSet.BuiltIn.Single(r => r.Id == "port-exhaustion");

        var d = EngineRun.Of(_store, rule);

        var cause = Assert.Single(d.Causes);
        Assert.Equal(["10:00:20.000", "11:03:00.000"], cause.Times());
        var setting = Assert.Single(cause.Evidence, e => e.Event.Kind == EventKind.NetConfig);
        Assert.Equal("APP01", setting.Event.Host);
        var late = Assert.Single(d.Accounts, a => Utc.Text(a.Error.Time) == "10:01:00.000");
        Assert.Equal(Landing.Unexplained, late.Landing);
        Assert.EndsWith("(APP01/netstat.txt:1); it needs one within its lifetime of it: 30 s, APP01's tcptimedwaitdelay",
            Assert.Single(late.Misses, m => m.RuleId == "port-exhaustion").Why, StringComparison.Ordinal);
        var past = Assert.Single(d.Accounts, a => Utc.Text(a.Error.Time) == "11:04:30.000");
        Assert.Equal(Landing.Unexplained, past.Landing);
        Assert.EndsWith("it needs one within its lifetime of it: 4 min, the default (APP02 has no tcptimedwaitdelay in the evidence)",
            Assert.Single(past.Misses, m => m.RuleId == "port-exhaustion").Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dated_chimney_capture_holds_for_its_day_not_for_every_day()
    {
        // The capture at 20:00 on the 5th states its time: it covers the error that morning, not the one two days later.
        long twoDaysLater = Utc.Ms("09:00:00.000") + 48 * 3_600_000L;
        _store.Source("SQL01/ERRORLOG", "SQL01", "errorlog")
            .Event("08:00:00.000", EventKind.Info, "Starting up database 'Orders'.")
            .Source("SQL01/netsh.txt", "SQL01")
            .Event("20:00:00.000", EventKind.NetConfig, "TCP Global Parameters", extra: "rss=enabled; chimney=enabled")
            .Source("APP01/app.log", "APP01")
            .Error("09:00:00.000", 10054)
            .Event(twoDaysLater, EventKind.Error, "A transport-level error has occurred", code: 10054);
        var rule = RuleSet.BuiltIn.Single(r => r.Id == "chimney");

        var d = EngineRun.Of(_store, rule);

        Assert.Equal(["09:00:00.000"], Assert.Single(d.Causes).Times());
        var late = Assert.Single(d.Accounts, a => a.Error.Time!.Value.ToUnixTimeMilliseconds() == twoDaysLater);
        Assert.Equal(Landing.Unexplained, late.Landing);
        Assert.Equal("the netconfig on SQL01 (SQL01/netsh.txt:1) is 37 h earlier; a capture holds for 24 h either side",
            Assert.Single(late.Misses, m => m.RuleId == "chimney").Why);
    }
}
