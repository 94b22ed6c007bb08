namespace LogCorrelator.Tests.Diagnose;

/// <summary><c>logcorr diagnose --why TIME</c>: the account of one error, and one clear line when the time is wrong.</summary>
public sealed class WhyCommandTests : IDisposable
{
    private readonly SampleIncident _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void The_reset_before_the_shutdown_is_unexplained_and_the_restart_rule_names_the_shutdown_140_s_later()
    {
        var run = _run.Text(SampleIncident.PathOf("incident-restart"), "--why", "2024-03-05T11:29:30.118Z");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.StartsWith("2024-03-05T11:29:30.118Z  error 10054  APPSRV01  APPSRV01/Logs/orders-api-20240305.log:", lines[0], StringComparison.Ordinal);
        Assert.Contains("  Landed: unexplained", lines);
        // The shutdown is at 11:31:50.120: 140 s (2 min 20 s) after the error, and the rule wants one before it.
        Assert.Contains(lines, l => l.StartsWith("  - restart: nearest shutdown 2 min 20 s later (SQLPROD01/ERRORLOG.1:", StringComparison.Ordinal)
            && l.EndsWith("); it needs one at most 5 min before it", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  - kill: no kill from APPSRV01 within ", StringComparison.Ordinal));
        // Every rule the diagnosis checked says why it did not apply.
        Assert.Equal(9, lines.Count(l => l.StartsWith("  - ", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_error_after_the_restart_is_explained_with_its_lag()
    {
        var run = _run.Text(SampleIncident.PathOf("incident-restart"), "--why", "2024-03-05 11:32:06.480");

        Assert.Contains("  Landed: restart\n", run.Text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        // The start banner is SQLPROD01/ERRORLOG:1 at 11:32:04.310, 2.17 s before the error.
        Assert.Contains("  Why: 2.17 s after the restart at 11:32:04 (SQLPROD01/ERRORLOG:1)", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_4060_after_the_failover_is_not_a_network_error_and_names_the_failover()
    {
        var run = _run.Text(SampleIncident.PathOf("incident-failover"), "--why", "2024-02-27 19:05:43.215", "--tz", "APPSRV03/**=-08:00");

        Assert.Contains("  Landed: not network (database)", run.Text, StringComparison.Ordinal);
        // EXPECTED.md: the failover's last line is the partner's, SQLPROD02/ERRORLOG:24 at 19:05:41.620, 1.595 s before the 4060.
        Assert.Contains("; 1.60 s after the failover at 19:05:41 (SQLPROD02/ERRORLOG:24), the database still recovering", run.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_time_to_the_second_finds_every_error_in_that_second()
    {
        var run = _run.Text(SampleIncident.PathOf("incident-restart"), "--why", "2024-03-05 11:47:23", "--format", "json");

        using var doc = System.Text.Json.JsonDocument.Parse(run.Text);
        var account = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal(("2024-03-05T11:47:23.015Z", "explained", "kill"),
            (account.GetProperty("time").GetString(), account.GetProperty("landing").GetString(), account.GetProperty("cause").GetString()));
    }

    [Theory]
    [InlineData("11:29")]
    [InlineData("2024-03-05 25:00:00")]
    [InlineData("yesterday")]
    public void A_malformed_time_is_one_line_and_exit_code_2(string time)
    {
        var run = _run.Text(SampleIncident.PathOf("incident-restart"), "--why", time);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"error: --why: '{time}' is not a time; give the error's UTC time as 2024-03-05 11:32:06.480 or 2024-03-05T11:32:06.480Z",
            run.ErrText.Trim());
        Assert.Equal("", run.Text);
    }

    [Fact]
    public void A_time_with_no_error_says_which_error_is_nearest_and_exits_1()
    {
        var run = _run.Text(SampleIncident.PathOf("incident-restart"), "--why", "2024-03-05 09:00:00");

        Assert.Equal(1, run.ExitCode);
        Assert.EndsWith("error: --why: no client error at 2024-03-05 09:00:00 UTC; the nearest is at 2024-03-05T10:15:00.250Z", run.ErrText.Trim());
    }
}
