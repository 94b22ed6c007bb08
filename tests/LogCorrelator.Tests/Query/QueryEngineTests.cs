using LogCorrelator.Events;
using LogCorrelator.Query;

namespace LogCorrelator.Tests.Query;

public sealed class QueryEngineTests : IClassFixture<IncidentFixture>
{
    private readonly IncidentFixture _incident;

    public QueryEngineTests(IncidentFixture incident) => _incident = incident;

    private string[] Run(string query) => MatchText.Of(QueryEngine.Run(_incident.Store, query));

    [Fact]
    public void Near_finds_the_errors_on_either_side_of_the_restart()
    {
        // Restart at 11:32:04.310, window ±5m = [11:27:04.310, 11:37:04.310].
        Assert.Equal(
            [
                "11:29:30.118 error 10054 APPSRV01 | restart 11:32:04.310 SQLPROD01 +154.192s",
                "11:32:06.480 error 10054 APPSRV01 | restart 11:32:04.310 SQLPROD01 -2.17s",
            ],
            Run("errors 10054 near restart within 5m"));
    }

    [Fact]
    public void A_match_carries_the_resolved_events_and_the_delta()
    {
        var result = QueryEngine.Run(_incident.Store, "errors 10054 near restart within 5m");
        Assert.Equal("errors 10054 near restart within 5m", result.Query);
        var first = result.Matches[0];
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 11, 29, 30, 118, TimeSpan.Zero), first.Event.Time);
        Assert.Equal("A transport-level error has occurred when sending the request to the server.", first.Event.Message);
        Assert.Equal(10054, first.Event.Code);
        var restart = Assert.Single(first.Related);
        Assert.Equal(154.192, restart.DeltaSeconds);
        Assert.Equal(EventKind.Restart, restart.Event.Kind);
        Assert.Equal("Microsoft SQL Server 2019 (RTM-CU22) (KB5027702) - 15.0.4322.2 (X64)", restart.Event.Message);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 11, 32, 4, 310, TimeSpan.Zero), restart.Event.Time);
    }

    [Fact]
    public void After_wants_the_cause_first_and_before_wants_it_later()
    {
        Assert.Equal(["11:32:06.480 error 10054 APPSRV01 | restart 11:32:04.310 SQLPROD01 -2.17s"],
            Run("errors 10054 after restart within 5m"));
        Assert.Equal(["11:29:30.118 error 10054 APPSRV01 | restart 11:32:04.310 SQLPROD01 +154.192s"],
            Run("errors 10054 before restart within 5m"));
    }

    [Fact]
    public void Not_near_a_union_leaves_the_unexplained_errors()
    {
        // The timeout (-2) at 11:28:41.337 is 3m22.973s before the restart, so it is explained too.
        Assert.Equal(["10:15:00.250 error 10054 APPSRV01"],
            Run("errors not near (restart or kill or failover) within 5m"));
    }

    [Fact]
    public void An_empty_right_side_matches_nothing_and_its_anti_join_keeps_everything()
    {
        Assert.Empty(Run("errors near failover within 1d"));
        Assert.Equal(
            [
                "10:15:00.250 error 10054 APPSRV01", "11:28:41.337 error -2 APPSRV01", "11:29:30.118 error 10054 APPSRV01",
                "11:32:06.480 error 10054 APPSRV01", "11:32:07.112 error 08S01 APPSRV01", "11:47:23.015 error 10054 APPSRV01",
                "11:47:23.500 error 10054 APPSRV02", "11:47:24.502 error 10054 APPSRV01",
            ],
            Run("errors not near failover within 1d"));
    }

    [Fact]
    public void On_host_equals_peer_ties_errors_to_the_host_that_killed_their_session()
    {
        // Kill at 11:47:22.400 by APPSRV01; APPSRV02's error 1.1s later is in the window but not its host.
        Assert.Equal(
            [
                "11:47:23.015 error 10054 APPSRV01 | kill 11:47:22.400 SQLPROD01 -0.615s",
                "11:47:24.502 error 10054 APPSRV01 | kill 11:47:22.400 SQLPROD01 -2.102s",
            ],
            Run("errors 10054,08S01 after kill within 30s on host = peer"));
        Assert.Equal(
            [
                "11:47:23.015 error 10054 APPSRV01 | kill 11:47:22.400 SQLPROD01 -0.615s",
                "11:47:23.500 error 10054 APPSRV02 | kill 11:47:22.400 SQLPROD01 -1.1s",
                "11:47:24.502 error 10054 APPSRV01 | kill 11:47:22.400 SQLPROD01 -2.102s",
            ],
            Run("errors 10054,08S01 after kill within 30s"));
    }

    [Fact]
    public void On_host_keeps_each_server_to_its_own_restart()
    {
        Assert.Equal(["11:34:00.000 server-error 17883 SQLPROD01 | restart 11:32:04.310 SQLPROD01 -115.69s"],
            Run("server-errors 17883 near restart within 5m on host"));
        Assert.Equal(
            [
                "11:33:00.000 server-error 17883 SQLPROD02 | restart 11:32:04.310 SQLPROD01 -55.69s",
                "11:34:00.000 server-error 17883 SQLPROD01 | restart 11:32:04.310 SQLPROD01 -115.69s",
            ],
            Run("server-errors 17883 near restart within 5m"));
    }

    [Fact]
    public void Not_with_a_key_keeps_the_errors_whose_host_killed_nothing()
    {
        // Six 10054 errors; only APPSRV01's two right after its kill are explained.
        Assert.Equal(
            [
                "10:15:00.250 error 10054 APPSRV01", "11:29:30.118 error 10054 APPSRV01",
                "11:32:06.480 error 10054 APPSRV01", "11:47:23.500 error 10054 APPSRV02",
            ],
            Run("errors 10054 not after kill within 30s on host = peer"));
    }

    [Fact]
    public void A_plain_set_lists_its_events_with_their_fields()
    {
        var kill = Assert.Single(QueryEngine.Run(_incident.Store, "kill").Matches);
        Assert.Empty(kill.Related);
        Assert.Equal("Process ID 87 was killed by hostname APPSRV01, host process ID 4412.", kill.Event.Message);
        Assert.Equal(87, kill.Event.Spid);
        Assert.Equal("APPSRV01", kill.Event.Peer);
        Assert.Equal("SQLPROD01", kill.Event.Host);
        Assert.Equal(EventKind.Kill, kill.Event.Kind);
    }

    [Fact]
    public void Codes_select_by_number_or_by_sqlstate()
    {
        Assert.Equal(["11:32:07.112 error 08S01 APPSRV01"], Run("errors 08S01"));
        Assert.Equal(["11:28:41.337 error -2 APPSRV01"], Run("errors -2"));
        var link = Assert.Single(QueryEngine.Run(_incident.Store, "errors 08s01").Matches);
        Assert.Equal("[Microsoft][ODBC Driver 17 for SQL Server]Communication link failure", link.Event.Message);
        Assert.Null(link.Event.Code);
    }

    [Fact]
    public void A_union_whose_members_overlap_relates_each_event_once()
    {
        // Kill at 11:47:22.400, window ±5s; both members select the 10054 errors.
        Assert.Equal(
            [
                "11:47:22.400 kill - SQLPROD01 | error 11:47:23.015 APPSRV01 +0.615s | error 11:47:23.500 APPSRV02 +1.1s"
                + " | error 11:47:24.502 APPSRV01 +2.102s",
            ],
            Run("kill near (errors 10054 or errors 10054,08S01) within 5s"));
    }

    [Fact]
    public void A_syntax_error_surfaces_as_a_query_syntax_exception()
    {
        var e = Assert.Throws<QuerySyntaxException>(() => QueryEngine.Run(_incident.Store, "errors nera restart within 5m"));
        Assert.Equal(8, e.Column);
        Assert.Equal(4, e.Length);
        Assert.Equal("near", e.Suggestion);
    }

    [Fact]
    public void Explain_shows_scans_rows_and_the_join()
    {
        // Left: six 10054 errors and one 08S01. Right window is [first - 30s, last]; in it: the kill and both 17883s.
        Assert.Equal(
            "query  errors 10054,08S01 after (kill or server-errors 17883) within 30s on host = peer\n"
            + "left   errors 10054,08S01: scan kind error, code 10054|08S01 -> 7 rows\n"
            + "right  (kill or server-errors 17883): scan kind kill + scan kind server-error, code 17883,"
            + " time 2024-03-05T10:14:30.250Z .. 2024-03-05T11:47:24.502Z -> 3 rows\n"
            + "join   after: right time in [t - 30000ms, t + 0ms], left host = right peer, keep the nearest 5 related\n",
            QueryEngine.Explain(_incident.Store, "errors 10054,08S01 after (kill or server-errors 17883) within 30s on host = peer"));
    }

    [Fact]
    public void Explain_skips_the_right_side_when_the_left_is_empty()
    {
        Assert.Equal(
            "query  errors 1234 not near restart within 5m\n"
            + "left   errors 1234: scan kind error, code 1234 -> 0 rows\n"
            + "right  restart: not scanned, the left side is empty\n"
            + "join   not near: right time in [t - 300000ms, t + 300000ms], keep left events with none\n",
            QueryEngine.Explain(_incident.Store, "errors 1234 not near restart within 5m"));
        Assert.Equal("query  events\nleft   events: scan all events -> 14 rows\n", QueryEngine.Explain(_incident.Store, "events"));
    }
}
