using System.Text.Json;

namespace LogCorrelator.Tests.Diagnose;

/// <summary>
/// <c>logcorr diagnose sample-logs/X</c> names the cause each folder's EXPECTED.md states, first,
/// with its counts; the explained and unexplained errors are the ones its tables list.
/// </summary>
public sealed class SampleDiagnosisTests : IDisposable
{
    private readonly SampleIncident _run = new();

    public void Dispose() => _run.Dispose();

    [Theory]
    [InlineData("incident-kill", "kill", 3, 7)]
    [InlineData("incident-idle-timeout", "idle-timeout", 7, 8)]
    [InlineData("incident-chimney", "chimney", 7, 8)]
    [InlineData("incident-port-exhaustion", "port-exhaustion", 9, 10)]
    [InlineData("incident-backlog", "backlog", 8, 9)]
    [InlineData("incident-keepalive", "keepalive", 5, 6)]
    [InlineData("incident-silence-edge", "idle-timeout", 2, 3)]
    [InlineData("incident-port-span", "port-exhaustion", 4, 7)]
    public void Each_folder_names_its_one_cause_with_the_expected_counts(string folder, string cause, int explained, int errors)
    {
        var d = _run.Json(SampleIncident.PathOf(folder));

        var only = Assert.Single(d.Causes());
        Assert.Equal((cause, explained), (only.GetProperty("id").GetString(), only.GetProperty("explained").GetInt32()));
        Assert.Equal(errors, d.GetProperty("errors").GetInt32());
        Assert.Equal(errors - explained, d.GetProperty("unexplained").GetInt32());
        Assert.Empty(d.GetProperty("clocks").EnumerateArray());
    }

    [Fact]
    public void Keepalive_aftermath_explains_the_10053s_within_ten_minutes_of_the_outage_s_detection()
    {
        var d = _run.Json(SampleIncident.PathOf("incident-keepalive-aftermath"));

        Assert.Equal([("keepalive", 3), ("keepalive-aftermath", 3)], d.Causes().Select(c => (c.GetProperty("id").GetString(), c.GetProperty("explained").GetInt32())));
        var accounts = d.GetProperty("accounts").EnumerateArray().ToList();
        var late = Assert.Single(accounts, a => a.GetProperty("time").GetString() == "2024-03-21T10:31:40.020Z");
        var miss = Assert.Single(late.GetProperty("rules").EnumerateArray(), m => m.GetProperty("id").GetString() == "keepalive-aftermath");
        Assert.Equal("no error keepalive explains from 0 s to 10 min before it", miss.GetProperty("why").GetString());
        var first = Assert.Single(accounts, a => a.GetProperty("time").GetString() == "2024-03-21T10:23:12.406Z");
        Assert.StartsWith("155.7 s after the error 64 at 10:20:36", first.GetProperty("why").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Restart_explains_the_five_errors_after_it_and_the_kill_the_two_after_it()
    {
        var d = _run.Json(SampleIncident.PathOf("incident-restart"));

        var causes = d.Causes();
        Assert.Equal(["restart", "kill"], causes.Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(10, d.GetProperty("errors").GetInt32());
        Assert.Equal(
            ["2024-03-05T11:32:06.480Z", "2024-03-05T11:32:07.112Z", "2024-03-05T11:32:09.950Z", "2024-03-05T11:32:31.004Z", "2024-03-05T11:33:02.771Z"],
            causes[0].ExplainedTimes());
        Assert.Equal("5 of 10 errors 10054 between 11:32:06 and 11:33:02 follow the restart at 11:32:04 by 2–58 s",
            causes[0].GetProperty("summary").GetString());
        Assert.Equal(["2024-03-05T11:47:23.015Z", "2024-03-05T11:47:24.502Z"], causes[1].ExplainedTimes());
        // The trap at 11:29:30 and the timeout at 11:28:41 come before the shutdown (11:31:50): a
        // running server closed nothing, so the restart does not explain them.
        Assert.Equal(["2024-03-05T10:15:00.250Z", "2024-03-05T11:28:41.337Z", "2024-03-05T11:29:30.118Z"], d.UnexplainedTimes());
    }

    [Fact]
    public void The_restart_evidence_is_the_shutdown_and_the_banner_with_their_lines()
    {
        var d = _run.Json(SampleIncident.PathOf("incident-restart"));

        var evidence = d.Causes()[0].GetProperty("evidence").EnumerateArray().ToArray();
        var anchors = evidence.Where(e => e.GetProperty("role").GetString() == "anchor").ToArray();
        Assert.Equal(["2024-03-05T11:31:50.120Z", "2024-03-05T11:32:04.310Z"], anchors.Select(a => a.GetProperty("time").GetString()));
        Assert.Equal(["shutdown", "restart"], anchors.Select(a => a.GetProperty("kind").GetString()));
        Assert.Equal(("SQLPROD01/ERRORLOG", 1), (anchors[1].GetProperty("source").GetProperty("path").GetString(), anchors[1].GetProperty("source").GetProperty("line").GetInt32()));
        Assert.StartsWith("Microsoft SQL Server 2019 (RTM-CU22)", anchors[1].GetProperty("message").GetString());
        Assert.StartsWith("SQL Server is terminating in response to a 'stop' request", anchors[0].GetProperty("message").GetString());
    }

    [Fact]
    public void Mixed_shows_the_restart_and_the_kill_with_the_right_split()
    {
        var d = _run.Json(SampleIncident.PathOf("incident-mixed"));

        var causes = d.Causes();
        Assert.Equal([("restart", 7), ("kill", 2)], causes.Select(c => (c.GetProperty("id").GetString(), c.GetProperty("explained").GetInt32())));
        Assert.Equal(
            ["2024-03-04T03:40:02.644Z", "2024-03-04T03:40:03.107Z", "2024-03-04T03:40:33.212Z", "2024-03-04T03:40:47.215Z",
             "2024-03-04T03:41:05.880Z", "2024-03-04T03:41:12.330Z", "2024-03-04T03:43:50.412Z"],
            causes[0].ExplainedTimes());
        Assert.Equal(["2024-03-04T05:12:09.402Z", "2024-03-04T05:12:15.077Z"], causes[1].ExplainedTimes());
        Assert.Equal(["2024-03-04T02:15:44.660Z", "2024-03-04T04:58:41.090Z", "2024-03-04T05:12:10.005Z"], d.UnexplainedTimes());
        Assert.Empty(causes[0].GetProperty("alsoExplainedBy").EnumerateArray());
    }

    [Fact]
    public void No_cause_says_so_and_lists_the_five_errors()
    {
        var d = _run.Json(SampleIncident.PathOf("incident-no-cause"));
        var text = _run.Text(SampleIncident.PathOf("incident-no-cause"));

        Assert.Empty(d.Causes());
        Assert.Equal((5, 5), (d.GetProperty("errors").GetInt32(), d.GetProperty("unexplained").GetInt32()));
        Assert.Contains("No cause found. No rule explains any of the 5 errors", text.Text);
        Assert.Contains("Not explained: 5 of 5 errors", text.Text);
        var login = Assert.Single(d.GetProperty("loginFailures").GetProperty("server").EnumerateArray());
        Assert.Equal("2024-03-07T09:26:38.410Z", login.GetProperty("time").GetString());
    }

    [Fact]
    public void Failover_with_the_zone_named_explains_six_of_nine_and_puts_the_4060_apart()
    {
        var d = _run.Json(SampleIncident.PathOf("incident-failover"), "--tz", "APPSRV03/**=Pacific Standard Time");

        var cause = Assert.Single(d.Causes());
        Assert.Equal(("failover", 6, 0), (cause.GetProperty("id").GetString(), cause.GetProperty("explained").GetInt32(), cause.GetProperty("clockCorrected").GetInt32()));
        Assert.Equal(
            ["2024-02-27T19:05:42.402Z", "2024-02-27T19:05:44.129Z", "2024-02-27T19:05:47.660Z",
             "2024-02-27T19:05:51.874Z", "2024-02-27T19:05:58.019Z", "2024-02-27T19:06:31.544Z"],
            cause.ExplainedTimes());
        Assert.Empty(d.GetProperty("clocks").EnumerateArray());
        Assert.Empty(d.GetProperty("assumedClocks").EnumerateArray());
    }

    [Fact]
    public void Failover_without_the_zone_points_at_APPSRV03s_assumed_clock()
    {
        var d = _run.Json(SampleIncident.PathOf("incident-failover"));

        var clock = Assert.Single(d.GetProperty("clocks").EnumerateArray());
        Assert.Equal(("APPSRV03", -28800.0, true), (clock.GetProperty("host").GetString(), clock.GetProperty("offsetSeconds").GetDouble(), clock.GetProperty("assumed").GetBoolean()));
        Assert.Equal("--tz 'APPSRV03/**=-08:00'", clock.GetProperty("suggestion").GetString());
        Assert.Equal(["APPSRV03/Logs/Orders.Web.log"], d.GetProperty("assumedClocks").EnumerateArray().Select(e => e.GetString()));
        var cause = Assert.Single(d.Causes());
        // APPSRV01's two errors fit as logged; APPSRV03's four transport errors only once read 8 h later
        // (its 4060 is not a network error and no rule takes it).
        Assert.Equal((6, 4), (cause.GetProperty("explained").GetInt32(), cause.GetProperty("clockCorrected").GetInt32()));
    }

    [Fact]
    public void Ingesting_again_with_the_zone_rereads_the_file_whose_clock_was_assumed()
    {
        _run.Json(SampleIncident.PathOf("incident-failover"));

        var d = _run.Json(SampleIncident.PathOf("incident-failover"), "--tz", "APPSRV03/**=-08:00");

        Assert.Empty(d.GetProperty("clocks").EnumerateArray());
        Assert.Equal(0, d.Causes()[0].GetProperty("clockCorrected").GetInt32());
    }

    [Fact]
    public void The_json_contract_has_the_documented_fields_in_order()
    {
        var d = _run.Json(SampleIncident.PathOf("incident-kill"));

        Assert.Equal(["errors", "causes", "unexplained", "unexplainedGroups", "loginFailures", "clocks", "assumedClocks", "rulesChecked", "accounting", "accounts"],
            d.EnumerateObject().Select(p => p.Name));
        var account = d.GetProperty("accounts")[0];
        Assert.Equal(["time", "kind", "host", "code", "message", "source", "category", "landing", "cause", "alsoPossible", "why", "rules"],
            account.EnumerateObject().Select(p => p.Name));
        var cause = d.Causes()[0];
        Assert.Equal(["id", "title", "explained", "confidence", "summary", "evidence", "remedy"], cause.EnumerateObject().Select(p => p.Name).Take(7));
        Assert.Equal(0.9, cause.GetProperty("confidence").GetDouble());
        var evidence = cause.GetProperty("evidence")[0];
        Assert.Equal(["time", "kind", "host", "code", "message", "source", "role"], evidence.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("2024-02-20T15:14:27.460Z", "kill", "SQLPROD01/ERRORLOG", 107),
            (evidence.GetProperty("time").GetString(), evidence.GetProperty("kind").GetString(),
             evidence.GetProperty("source").GetProperty("path").GetString(), evidence.GetProperty("source").GetProperty("line").GetInt32()));
        Assert.Equal(JsonValueKind.String, cause.GetProperty("remedy").ValueKind);
    }
}
