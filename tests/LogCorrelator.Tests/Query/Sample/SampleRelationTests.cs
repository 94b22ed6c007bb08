namespace LogCorrelator.Tests.Query.Sample;

/// <summary>Relations, chained and keyed, set algebra on the right and saved queries over the sample incident.</summary>
public sealed class SampleRelationTests : IClassFixture<SampleIncident>
{
    private readonly SampleIncident _sample;

    public SampleRelationTests(SampleIncident sample) => _sample = sample;

    private string[] Run(string query) => SampleText.Of(_sample.Run(query));

    [Fact]
    public void Chained_and_keeps_the_errors_right_after_the_kill_that_no_restart_explains()
    {
        Assert.Equal(
            [
                "03-05 11:47:23.015 error 10054 APPSRV01 | kill 03-05 11:47:22.400 SQLPROD01 -0.615s",
                "03-05 11:47:24.502 error 10054 APPSRV01 | kill 03-05 11:47:22.400 SQLPROD01 -2.102s",
            ],
            Run("errors after kill within 30s and not near restart within 5m"));
    }

    [Fact]
    public void Chained_or_shows_the_event_that_justified_each_match()
    {
        // Restart at 11:32:04.310: +-5m is 11:27:04.310 to 11:37:04.310. Kill at 11:47:22.400.
        Assert.Equal(
            [
                "03-05 11:28:41.337 error -2 APPSRV01 | restart 03-05 11:32:04.310 SQLPROD01 +202.973s",
                "03-05 11:29:30.118 error 10054 APPSRV01 | restart 03-05 11:32:04.310 SQLPROD01 +154.192s",
                "03-05 11:32:06.480 error 10054 APPSRV01 | restart 03-05 11:32:04.310 SQLPROD01 -2.17s",
                "03-05 11:32:07.112 error 10054 APPSRV01 | restart 03-05 11:32:04.310 SQLPROD01 -2.802s",
                "03-05 11:32:09.950 error 10054 APPSRV01 | restart 03-05 11:32:04.310 SQLPROD01 -5.64s",
                "03-05 11:32:31.004 error 10054 APPSRV01 | restart 03-05 11:32:04.310 SQLPROD01 -26.694s",
                "03-05 11:33:02.771 error 10054 APPSRV01 | restart 03-05 11:32:04.310 SQLPROD01 -58.461s",
                "03-05 11:47:23.015 error 10054 APPSRV01 | kill 03-05 11:47:22.400 SQLPROD01 -0.615s",
                "03-05 11:47:24.502 error 10054 APPSRV01 | kill 03-05 11:47:22.400 SQLPROD01 -2.102s",
            ],
            Run("errors after kill within 30s on host = peer or near restart within 5m"));
    }

    [Fact]
    public void Grouped_conditions_and_an_anti_join_on_the_same_events()
    {
        // Near the shutdown (11:31:50.120) or the restart, and not after the kill: the seven errors of 11:28 to 11:33.
        Assert.Equal(["7"], SampleText.Rows(_sample.Run(
            "errors (near shutdown within 5m or near restart within 5m) and not after kill within 30s | count")));
    }

    [Fact]
    public void A_key_on_the_host_relates_server_events_of_the_same_server()
    {
        // The kill and both failed logins of 03-05 are SQLPROD01's: 49m9.13s before and 18m18.63s after.
        Assert.Equal(
            ["03-05 11:47:22.400 kill - SQLPROD01 | login-failed 03-05 10:58:13.270 SQLPROD01 -2949.13s | login-failed 03-05 12:05:41.030 SQLPROD01 +1098.63s"],
            Run("kill near login-failed within 1h on host"));
        Assert.Empty(Run("kill near login-failed within 1h on host = peer"));
    }

    [Fact]
    public void A_key_on_the_source_keeps_events_of_one_file_together()
    {
        // Error 17054 (11:31:50.760) is the last line of ERRORLOG.1; the restart 13.55s later opens ERRORLOG.
        Assert.Equal(["03-05 11:31:50.760 server-error 17054 SQLPROD01 | restart 03-05 11:32:04.310 SQLPROD01 +13.55s"],
            Run("server-errors near restart within 5m on host"));
        Assert.Empty(Run("server-errors near restart within 5m on source"));
        Assert.Equal(["03-05 11:31:50.760 server-error 17054 SQLPROD01 | shutdown 03-05 11:31:50.120 SQLPROD01 -0.64s"],
            Run("server-errors near shutdown within 5m on source"));
    }

    [Fact]
    public void A_filter_inside_the_right_hand_union_narrows_that_member_only()
    {
        // The kill was by APPSRV01, so the kill member is empty and the errors after it stay unexplained.
        Assert.Equal(
            ["03-05 10:15:00.250 error 10054 APPSRV01", "03-05 11:47:23.015 error 10054 APPSRV01", "03-05 11:47:24.502 error 10054 APPSRV01"],
            Run("errors not near (restart or kill where peer = APPSRV02) within 5m"));
        Assert.Equal(["7"], SampleText.Rows(_sample.Run("errors near (restart or shutdown) where host = SQLPROD01 within 5m | count")));
    }

    [Fact]
    public void A_saved_query_is_a_set_of_its_own_events()
    {
        // Built-in: errors not near (restart or shutdown or kill or failover) within 5m.
        Assert.Equal(["03-05 10:15:00.250 error 10054 APPSRV01"], Run("@unexplained"));
        Assert.Equal(["APPSRV01 | 10054 | 1"], SampleText.Rows(_sample.Run("@unexplained | count by host, code")));
        Assert.Equal(["03-05 11:47:23.015 error 10054 APPSRV01", "03-05 11:47:24.502 error 10054 APPSRV01"], Run("@killed-sessions"));
        // after-restart (errors within 5m of the shutdown or restart) that are within 15m of the kill.
        Assert.Equal(
            [
                "03-05 11:32:31.004 error 10054 APPSRV01 | kill 03-05 11:47:22.400 SQLPROD01 +891.396s",
                "03-05 11:33:02.771 error 10054 APPSRV01 | kill 03-05 11:47:22.400 SQLPROD01 +859.629s",
            ],
            Run("@after-restart near kill within 15m"));
        Assert.Empty(Run("@after-restart where code = -2 since 2024-03-05 11:29"));
    }

    [Fact]
    public void A_range_after_the_conditions_chooses_the_answer_events()
    {
        Assert.Equal(
            [
                "03-05 11:32:07.112 error 10054 APPSRV01 | restart 03-05 11:32:04.310 SQLPROD01 -2.802s",
                "03-05 11:32:09.950 error 10054 APPSRV01 | restart 03-05 11:32:04.310 SQLPROD01 -5.64s",
                "03-05 11:32:31.004 error 10054 APPSRV01 | restart 03-05 11:32:04.310 SQLPROD01 -26.694s",
                "03-05 11:33:02.771 error 10054 APPSRV01 | restart 03-05 11:32:04.310 SQLPROD01 -58.461s",
            ],
            Run("errors 10054 near restart within 5m since 2024-03-05 11:32:07"));
    }
}
