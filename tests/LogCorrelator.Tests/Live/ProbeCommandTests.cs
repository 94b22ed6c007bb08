using LogCorrelator.Tests.Fixtures;

namespace LogCorrelator.Tests.Live;

/// <summary>
/// <c>logcorr probe</c> with the real Microsoft.Data.SqlClient 7.1.2 against real loopback sockets: the
/// four faults of <see cref="FaultListener"/> and a <see cref="TdsResponder"/> that answers, then drops
/// one connection mid-session. Each attempt is one <c>probe</c> event, classified like an app log's error.
/// </summary>
public sealed class ProbeCommandTests
{
    [Fact]
    public void A_closed_port_is_one_failed_attempt_with_sqlclients_text_classified_53()
    {
        using var listener = FaultListener.Start(FaultMode.Refused);
        using var probe = new ProbeRun(listener.Port, "--count", "1");

        Assert.Equal(0, probe.Run.ExitCode);
        var e = Assert.Single(probe.Query("probe where outcome = \"fail\""));
        Assert.Equal(("probe", "53"), (e.GetProperty("kind").GetString(), e.GetProperty("code").GetString()));
        Assert.StartsWith("A network-related or instance-specific error occurred while establishing a connection to SQL Server.",
            e.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("(provider: TCP Provider, error: 35 - An internal exception was caught)", e.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal($"tcp:127.0.0.1,{listener.Port}", e.GetProperty("peer").GetString());
        Assert.Equal(Environment.MachineName, e.GetProperty("host").GetString());
        Assert.Empty(probe.Query("probe where outcome = ok"));
    }

    [Fact]
    public void A_reset_on_accept_is_classified_10054_from_the_inner_socket_error()
    {
        using var listener = FaultListener.Start(FaultMode.ResetOnAccept);
        using var probe = new ProbeRun(listener.Port, "--count", "1");

        var e = Assert.Single(probe.Query("probe where code = 10054 and outcome = fail"));
        Assert.EndsWith(" ---> System.Net.Sockets.SocketException (104): Connection reset by peer", e.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_close_after_pre_login_fails_in_the_pre_login_handshake()
    {
        using var listener = FaultListener.Start(FaultMode.CloseAfterPreLogin);
        using var probe = new ProbeRun(listener.Port, "--count", "1");

        var e = Assert.Single(probe.Query("probe where outcome = fail"));
        Assert.StartsWith("A connection was successfully established with the server, but then an error occurred during the pre-login handshake.",
            e.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_that_never_answers_times_out_with_number_minus_2()
    {
        using var listener = FaultListener.Start(FaultMode.Silent);
        using var probe = new ProbeRun(listener.Port, "--count", "1");

        var e = Assert.Single(probe.Query("probe where code = -2 and outcome = fail"));
        Assert.StartsWith("Connection Timeout Expired.", e.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains(" number -2 ", probe.StatusLines.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_connection_dropped_mid_session_is_the_one_failure_between_successes_and_recovery()
    {
        using var server = TdsResponder.Start(dropOnBatch: n => n == 3);
        using var probe = new ProbeRun(server.Port, "--count", "4", "--every", "100ms");

        Assert.Equal(0, probe.Run.ExitCode);
        var all = probe.Query("probe | sort time");
        Assert.Equal(4, all.Count);
        var failed = Assert.Single(probe.Query("probe where outcome = \"fail\""));
        Assert.Equal(all[2].GetProperty("time").GetString(), failed.GetProperty("time").GetString());
        Assert.Equal("10054", failed.GetProperty("code").GetString());
        // The genuine transport-level error: the login had worked, the batch's answer never came.
        Assert.StartsWith("A transport-level error has occurred when receiving results from the server.",
            failed.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(["1 row", "1 row", "1 row"], probe.Query("probe where outcome = ok").Select(e => e.GetProperty("message").GetString()));
        Assert.Equal(4, server.Connections);

        var lines = probe.StatusLines;
        Assert.Equal(4, lines.Count);
        Assert.Contains(" ok   connect ", lines[0], StringComparison.Ordinal);
        Assert.Contains(" FAIL in query, number 0 · 2/3 ok (66.7%) · last error ", lines[2], StringComparison.Ordinal);
        Assert.Contains(" · 3/4 ok (75.0%) · last error ", lines[3], StringComparison.Ordinal);
        Assert.Contains("\nprobe: 4 attempts, 3 ok, 1 failed (75.0% ok); 4 probe events stored in ", probe.Run.Out, StringComparison.Ordinal);
        // Its times are written in UTC: not an assumed clock that diagnose would ask a --tz for.
        Assert.Contains(" in each timestamp ", Cli.Cli.Run("sources", "--store", probe.Store).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_probes_failure_joins_an_app_logs_error_a_second_away()
    {
        using var server = TdsResponder.Start(dropOnBatch: n => n == 2);
        using var probe = new ProbeRun(server.Port, "--count", "2", "--every", "100ms");
        var failed = Assert.Single(probe.Query("probe where outcome = fail"));
        var at = DateTimeOffset.Parse(failed.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture).AddMilliseconds(700);
        string app = Path.Combine(probe.Folder, "APPSRV01", "app.log");
        Directory.CreateDirectory(Path.GetDirectoryName(app)!);
        File.WriteAllText(app, $"{at.UtcDateTime:yyyy-MM-dd HH:mm:ss.fff} +00:00 [ERR] Order sync failed\n"
            + "Microsoft.Data.SqlClient.SqlException (0x80131904): A transport-level error has occurred when receiving results from the server. (provider: TCP Provider, error: 35 - An internal exception was caught)\n"
            + " ---> System.Net.Sockets.SocketException (104): Connection reset by peer\n");
        Assert.Equal(0, Cli.Cli.Run("ingest", app, "--store", probe.Store).ExitCode);

        // Both attempts are within the second (the success at least 0.8 s before), the failure 0.7 s before.
        var match = Assert.Single(probe.Query("errors near probe within 1s"));
        Assert.Equal(2, match.GetProperty("related").GetArrayLength());
        var failure = Assert.Single(Assert.Single(probe.Query("errors near probe where outcome = fail within 1s")).GetProperty("related").EnumerateArray());
        Assert.Equal(("probe", "10054", -0.7), (failure.GetProperty("kind").GetString(), failure.GetProperty("code").GetString(),
            failure.GetProperty("deltaSeconds").GetDouble()));
        Assert.Empty(probe.Query("errors near probe where outcome = ok within 500ms"));
    }

    [Fact]
    public void The_password_reaches_neither_the_screen_nor_the_logs_nor_the_store()
    {
        using var server = TdsResponder.Start(dropOnBatch: n => n == 1);
        using var probe = new ProbeRun(server.Port, "--count", "2", "--every", "50ms");

        Assert.Equal(0, probe.Run.ExitCode);
        Assert.All(probe.EverythingWritten(), text => Assert.DoesNotContain(ProbeRun.Password, text, StringComparison.Ordinal));
        // The tool's own log has the command line, its password masked.
        Assert.Contains("Password=*****", File.ReadAllText(probe.ToolLog), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Server=;User Id=app", "error: the connection string is not valid: it names no server (Server=HOST,PORT)\n")]
    [InlineData("Servr=db01;Password=hunter2", "error: the connection string is not valid: Keyword not supported: 'servr'.\n")]
    public void A_malformed_connection_string_is_one_line_and_exit_2(string connection, string error)
    {
        var run = Cli.Cli.Run("probe", connection, "--count", "1", "--store", Path.Combine(Path.GetTempPath(), "never-made.lcdb"));

        Assert.Equal((2, "", error), (run.ExitCode, run.Out, run.Err));
    }

    [Theory]
    [InlineData("--every", "soon", "error: --every 'soon': expected a duration like 500ms, 1s, 5m or 1h\n")]
    [InlineData("--count", "0", "error: --count must be 1 or more\n")]
    public void A_bad_option_is_one_line_and_exit_2(string option, string value, string error)
    {
        var run = Cli.Cli.Run("probe", "Server=tcp:127.0.0.1,1;User Id=app", option, value);

        Assert.Equal((2, error), (run.ExitCode, run.Err));
    }

    [Fact]
    public void Fresh_and_pooled_together_are_refused()
    {
        var run = Cli.Cli.Run("probe", "Server=tcp:127.0.0.1,1", "--fresh", "--pooled");

        Assert.Equal((2, "error: --fresh and --pooled exclude each other: choose one\n"), (run.ExitCode, run.Err));
    }
}
