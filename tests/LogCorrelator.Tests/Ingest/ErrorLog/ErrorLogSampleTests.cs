using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Time;

namespace LogCorrelator.Tests.Ingest.ErrorLog;

/// <summary>The ERRORLOG half of sample-logs/incident-restart: SQLPROD01, UTC-5, restarted at 06:32:04.31 local.</summary>
public sealed class ErrorLogSampleTests
{
    private static readonly ErrorLogRun Current = ErrorLogRun.ReadSample("ERRORLOG");
    private static readonly ErrorLogRun Previous = ErrorLogRun.ReadSample("ERRORLOG.1");

    [Fact]
    public void The_current_log_is_UTF16_and_reads_without_problems()
    {
        Assert.Equal(SourceEncoding.Utf16LE, Current.Encoding);
        Assert.Empty(Current.Problems);
        Assert.Equal(OffsetOrigin.File, Current.Context.Clock.Origin);
        Assert.Equal("-05:00", Current.Context.Clock.Zone!.Text);
        Assert.Equal("SQLPROD01", Current.Context.SourceHost);
    }

    [Fact]
    public void The_restart_is_one_event_at_the_banner_in_UTC()
    {
        var restart = Current.Single(EventKind.Restart);
        Assert.Equal("2024-03-05T11:32:04.310Z", ErrorLogRun.IsoUtc(restart));
        Assert.Equal("SQLPROD01", restart.Host);
        Assert.Equal(1, restart.Line);
        Assert.Equal(2, restart.Offset); // after the BOM
        Assert.Null(restart.Spid);
        Assert.Equal("Microsoft SQL Server 2019 (RTM-CU22) (KB5027702) - 15.0.4322.2 (X64) ", Current.Message(restart));
        // The banner's tab-indented lines and the blank line after them are the same entry.
        Assert.Equal(
            "2024-03-05 06:32:04.31 Server      Microsoft SQL Server 2019 (RTM-CU22) (KB5027702) - 15.0.4322.2 (X64) \r\n"
            + "\tJul 27 2023 18:11:00 \r\n"
            + "\tCopyright (C) 2019 Microsoft Corporation\r\n"
            + "\tEnterprise Edition: Core-based Licensing (64-bit) on Windows Server 2019 Datacenter 10.0 <X64> (Build 17763: ) (Hypervisor)\r\n"
            + "\r\n",
            Current.Entry(restart));
    }

    [Fact]
    public void The_later_markers_of_the_startup_block_are_info()
    {
        // Line 6 is the UTC adjustment, 9 "Server process ID is 4242.", 12 "Logging SQL Server messages in file".
        Assert.Equal(EventKind.Info, Current.AtLine(6).Kind);
        Assert.Equal(EventKind.Info, Current.AtLine(9).Kind);
        Assert.Equal("Server process ID is 4242.", Current.Message(Current.AtLine(9)));
        Assert.Equal(EventKind.Info, Current.AtLine(12).Kind);
        Assert.Equal(@"Logging SQL Server messages in file 'D:\MSSQL15.MSSQLSERVER\MSSQL\Log\ERRORLOG'.", Current.Message(Current.AtLine(12)));
    }

    [Fact]
    public void Events_buffered_before_the_offset_was_known_are_converted_too()
    {
        // "(c) Microsoft Corporation." at line 7 is read before the server name (line 48) is known.
        var copyright = Current.AtLine(7);
        Assert.Equal("2024-03-05T11:32:04.310Z", ErrorLogRun.IsoUtc(copyright));
        Assert.Equal("SQLPROD01", copyright.Host);
        Assert.Equal("(c) Microsoft Corporation.", Current.Message(copyright));
    }

    [Fact]
    public void Ready_for_client_connections()
    {
        var ready = Current.Single(EventKind.Ready);
        Assert.Equal("2024-03-05T11:32:15.880Z", ErrorLogRun.IsoUtc(ready));
        Assert.Equal("SQLPROD01", ready.Host);
        Assert.Equal("SQL Server is now ready for client connections. This is an informational message; no user action is required.",
            Current.Message(ready));
    }

    [Fact]
    public void The_kill_names_the_killed_session_and_the_killing_host()
    {
        var kill = Current.Single(EventKind.Kill);
        Assert.Equal("2024-03-05T11:47:22.400Z", ErrorLogRun.IsoUtc(kill));
        Assert.Equal(87, kill.Spid); // the victim, not spid64 of the process column
        Assert.Equal("APPSRV01", kill.Peer);
        Assert.Equal("hostpid=4412", kill.Extra);
        Assert.Equal("SQLPROD01", kill.Host);
        Assert.Equal("Process ID 87 was killed by hostname APPSRV01, host process ID 4412.", Current.Message(kill));
    }

    [Fact]
    public void The_current_log_has_one_login_failure_and_no_shutdown()
    {
        var failed = Current.Single(EventKind.LoginFailed);
        Assert.Equal("2024-03-05T12:05:41.030Z", ErrorLogRun.IsoUtc(failed));
        Assert.Equal(18456, failed.Code);
        Assert.Equal("10.20.1.92", failed.Peer);
        Assert.Empty(Current.OfKind(EventKind.Shutdown));
        Assert.Empty(Current.OfKind(EventKind.ServerError));
    }

    [Fact]
    public void The_previous_run_starts_on_March_1st()
    {
        Assert.Empty(Previous.Problems);
        var restart = Previous.Single(EventKind.Restart);
        Assert.Equal("2024-03-01T07:10:44.190Z", ErrorLogRun.IsoUtc(restart));
        Assert.Equal("SQLPROD01", restart.Host);
        Assert.Equal("2024-03-01T07:10:55.760Z", ErrorLogRun.IsoUtc(Previous.Single(EventKind.Ready)));
    }

    [Fact]
    public void The_login_failure_before_the_incident_is_one_event_with_its_client()
    {
        var failures = Previous.OfKind(EventKind.LoginFailed).ToList();
        Assert.Equal(2, failures.Count);
        Assert.Equal("2024-03-02T14:14:37.660Z", ErrorLogRun.IsoUtc(failures[0]));
        Assert.Equal("10.20.1.131", failures[0].Peer);

        var failed = failures[1];
        Assert.Equal("2024-03-05T10:58:13.270Z", ErrorLogRun.IsoUtc(failed));
        Assert.Equal(18456, failed.Code);
        Assert.Equal("10.20.1.77", failed.Peer);
        Assert.Null(failed.Spid);
        Assert.Equal("Login failed for user 'orders_app'. Reason: Password did not match that for the login provided. [CLIENT: 10.20.1.77]",
            Previous.Message(failed));
        // The entry is both lines: the Error: line and its message.
        Assert.Equal(
            "2024-03-05 05:58:13.27 Logon       Error: 18456, Severity: 14, State: 8.\r\n"
            + "2024-03-05 05:58:13.27 Logon       Login failed for user 'orders_app'. Reason: Password did not match that for the login provided. [CLIENT: 10.20.1.77]\r\n",
            Previous.Entry(failed));
    }

    [Fact]
    public void The_stop_request_is_the_shutdown()
    {
        var shutdown = Previous.Single(EventKind.Shutdown);
        Assert.Equal("2024-03-05T11:31:50.120Z", ErrorLogRun.IsoUtc(shutdown));
        Assert.Equal(22, shutdown.Spid);
        Assert.Equal("SQL Server is terminating in response to a 'stop' request from Service Control Manager. "
            + "This is an informational message only. No user action is required.", Previous.Message(shutdown));
    }

    [Fact]
    public void Other_numbered_errors_are_server_errors()
    {
        var errors = Previous.OfKind(EventKind.ServerError).ToList();
        Assert.Equal([17830, 17054], errors.Select(e => e.Code!.Value));
        Assert.Equal("2024-03-03T19:22:09.580Z", ErrorLogRun.IsoUtc(errors[0]));
        Assert.Equal("10.20.1.40", errors[0].Peer);
        Assert.Equal("2024-03-05T11:31:50.760Z", ErrorLogRun.IsoUtc(errors[1]));
        Assert.Null(errors[1].Peer);
        Assert.Equal("The current event was not reported to the Windows Events log. Operating system error = 1717(The interface is unknown.). "
            + "You may need to clear the Windows Event Log if it is full.", Previous.Message(errors[1]));
    }

    [Theory]
    [InlineData("ERRORLOG")]
    [InlineData("ERRORLOG.1")]
    public void Every_message_range_decodes_to_the_text_after_the_process_column(string name)
    {
        // An oracle independent of the parser: in these files the process column always ends at
        // character 35, and an Error: line's message is on the line after it.
        var run = name == "ERRORLOG" ? Current : Previous;
        string[] lines = System.Text.Encoding.Unicode.GetString(run.Bytes, 2, run.Bytes.Length - 2).Split("\r\n");
        Assert.NotEmpty(run.Events);
        foreach (var e in run.Events)
        {
            int line = e.Line - 1 + (e.Code is null ? 0 : 1);
            Assert.Equal(lines[line][35..], run.Message(e));
        }
    }

    [Fact]
    public void Events_come_in_file_order_and_each_startup_block_is_in_utc_minus_5()
    {
        Assert.Equal(Current.Events.OrderBy(e => e.Line).Select(e => e.Line), Current.Events.Select(e => e.Line));
        Assert.All(Current.Events, e => Assert.Equal("SQLPROD01", e.Host));
        Assert.Equal("2024-03-05T19:05:03.140Z", ErrorLogRun.IsoUtc(Current.Events[^1])); // the 14:05:03.14 log backup
        Assert.Equal("2024-03-05T11:31:51.370Z", ErrorLogRun.IsoUtc(Previous.Events[^1]));
    }
}
