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
    public void Explain_shows_each_scan_with_the_blocks_it_reads_and_its_estimate_then_the_join()
    {
        // Left: six 10054 errors and one 08S01; right: the kill and both 17883s. Four blocks: each source's
        // notable and info lanes; a kind or code leaves out the blocks whose summary lacks it.
        Assert.Equal(
            "query   errors 10054,08S01 after (kill or server-errors 17883) within 30s on host = peer\n"
            + "left    errors 10054,08S01\n"
            + "  scan    kind error, code 10054|08S01 -> ~7 rows\n"
            + "    blocks  4 considered, 2 pruned by their summaries, 2 to decode (8 events, 109 bytes)\n"
            + "join 1  after (kill or server-errors 17883) within 30s on host = peer: right time in [t - 30000ms, t + 0ms],"
            + " left host = right peer, keep left events with some (the nearest 5 shown)\n"
            + "  right   (kill or server-errors 17883): loaded only around the left events still kept; estimates are over all times\n"
            + "    scan    kind kill -> ~1 row\n"
            + "      blocks  4 considered, 3 pruned by their summaries, 1 to decode (5 events, 64 bytes)\n"
            + "    scan    kind server-error, code 17883 -> ~2 rows\n"
            + "      blocks  4 considered, 2 pruned by their summaries, 2 to decode (6 events, 96 bytes)\n",
            QueryEngine.Explain(_incident.Store, "errors 10054,08S01 after (kill or server-errors 17883) within 30s on host = peer"));
    }

    [Fact]
    public void Explain_names_the_filters_left_for_the_decoded_rows()
    {
        string plan = QueryEngine.Explain(_incident.Store, "errors 10054 where message ~ \"sending\" and spid != 5 | count by host");
        Assert.Contains("  scan    kind error, code 10054 -> ~6 rows\n", plan, StringComparison.Ordinal);
        Assert.Contains("    then    a filter on the message, on the loaded rows (text read by offset)\n"
            + "    then    a filter on the decoded columns (kind, code, host, spid...)\n", plan, StringComparison.Ordinal);
        Assert.EndsWith("pipe    count by host: a table of counts over the loaded rows; no event is resolved\n", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_runs_chained_conditions_with_the_fewest_right_events_first_and_anti_joins_last()
    {
        string plan = QueryEngine.Explain(_incident.Store, "errors not near failover within 1m and near server-errors within 5m and after kill within 30s");
        var joins = plan.Split('\n').Where(l => l.StartsWith("  join", StringComparison.Ordinal)).ToArray();
        // One kill, two server errors, no failover: the kill first, then the server errors, the anti-join last.
        Assert.Equal(
            [
                "  join 1  after kill within 30s: right time in [t - 30000ms, t + 0ms], keep left events with some (the nearest 5 shown), estimated 1 right rows",
                "  join 2  near server-errors within 5m: right time in [t - 300000ms, t + 300000ms], keep left events with some (the nearest 5 shown), estimated 2 right rows",
                "  join 3  not near failover within 1m: right time in [t - 60000ms, t + 60000ms], keep left events with none, estimated 0 right rows",
            ],
            joins);
        Assert.Contains("all of  in this order, each on the left events the ones before kept\n", plan, StringComparison.Ordinal);
    }

    [Fact]
    public void Chained_conditions_give_the_same_answer_whatever_order_they_run_in()
    {
        // Kill at 11:47:22.400 (by APPSRV01); 17883s at 11:33:00 and 11:34:00; no failover.
        string[] expected =
        [
            "11:47:23.015 error 10054 APPSRV01 | kill 11:47:22.400 SQLPROD01 -0.615s",
            "11:47:23.500 error 10054 APPSRV02 | kill 11:47:22.400 SQLPROD01 -1.1s",
            "11:47:24.502 error 10054 APPSRV01 | kill 11:47:22.400 SQLPROD01 -2.102s",
        ];
        Assert.Equal(expected, Run("errors not near failover within 1m and after kill within 30s and not near server-errors within 5m"));
        Assert.Equal(expected, Run("errors not near server-errors within 5m and not near failover within 1m and after kill within 30s"));
    }

    [Fact]
    public void Explain_of_a_plain_set_is_its_scan()
    {
        Assert.Equal(
            "query   events\nleft    events\n  scan    every kind -> ~14 rows\n"
            + "    blocks  4 considered, 0 pruned by their summaries, 4 to decode (14 events, 205 bytes)\n",
            QueryEngine.Explain(_incident.Store, "events"));
    }
}
