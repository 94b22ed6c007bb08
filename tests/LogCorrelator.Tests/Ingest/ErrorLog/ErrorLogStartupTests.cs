using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Time;

namespace LogCorrelator.Tests.Ingest.ErrorLog;

/// <summary>The startup block: one restart, the file's offset and host, and what a file without one does.</summary>
public sealed class ErrorLogStartupTests
{
    private const string Banner = "Microsoft SQL Server 2019 (RTM-CU22) (KB5027702) - 15.0.4322.2 (X64) ";

    /// <summary>ERRORLOG.3 after sp_cycle_errorlog ran on a server that has been up for days: no startup block.</summary>
    private const string Headless =
        "2024-03-03 00:00:00.45 spid23s     This instance of SQL Server has been using a process ID of 3820 since 3/1/2024 2:10:47 AM (local) 3/1/2024 7:10:47 AM (UTC). This is an informational message only; no user action is required.\r\n"
        + "2024-03-03 00:30:05.87 spid64      Process ID 71 was killed by hostname APPSRV02, host process ID 977.\r\n";

    [Fact]
    public void The_users_zone_wins_over_the_UTC_adjustment()
    {
        ZoneSpec.TryParse("+02:00", out var tz);
        var run = ErrorLogRun.ReadSample("ERRORLOG", userZone: tz);
        Assert.Equal(OffsetOrigin.User, run.Context.Clock.Origin);
        // 06:32:04.31 read as +02:00 is 04:32:04.31 UTC, not the file's 11:32:04.31.
        Assert.Equal("2024-03-05T04:32:04.310Z", ErrorLogRun.IsoUtc(run.Single(EventKind.Restart)));
        Assert.Equal("2024-03-05T04:47:22.400Z", ErrorLogRun.IsoUtc(run.Single(EventKind.Kill)));
    }

    [Fact]
    public void A_file_without_a_startup_block_takes_offset_and_host_from_its_sibling()
    {
        var hints = new FolderHints();
        ErrorLogRun.Read(File.ReadAllBytes(ErrorLogRun.SamplePath("ERRORLOG")), "incident/SQLPROD01/ERRORLOG", hints: hints);
        Assert.Equal("SQLPROD01", hints.Get("incident/SQLPROD01").Host);
        Assert.Equal("-05:00", hints.Get("incident/SQLPROD01").Zone!.Text);

        var run = ErrorLogRun.Read(ErrorLogRun.Utf16(Headless), "incident/SQLPROD01/ERRORLOG.3", hints: hints);
        Assert.Equal(OffsetOrigin.File, run.Context.Clock.Origin);
        Assert.Equal("SQLPROD01", run.Context.SourceHost);
        Assert.Equal(["2024-03-03T05:00:00.450Z", "2024-03-03T05:30:05.870Z"], run.Events.Select(ErrorLogRun.IsoUtc));
        Assert.All(run.Events, e => Assert.Equal("SQLPROD01", e.Host));
        var kill = run.Single(EventKind.Kill);
        Assert.Equal((71, "APPSRV02", "hostpid=977"), (kill.Spid, kill.Peer, kill.Extra));
    }

    [Fact]
    public void Without_a_startup_block_or_a_sibling_times_are_taken_as_UTC_and_the_folder_names_the_host()
    {
        var run = ErrorLogRun.Read(ErrorLogRun.Utf16(Headless), "elsewhere/ERRORLOG.3", folderHost: "SQLPROD02");
        Assert.Equal(OffsetOrigin.Assumed, run.Context.Clock.Origin);
        Assert.Equal("2024-03-03T00:00:00.450Z", ErrorLogRun.IsoUtc(run.Events[0]));
        Assert.All(run.Events, e => Assert.Equal("SQLPROD02", e.Host));
    }

    [Fact]
    public void The_users_host_wins_over_the_server_name()
    {
        var run = ErrorLogRun.Read(File.ReadAllBytes(ErrorLogRun.SamplePath("ERRORLOG")), userHost: "prod-sql-a");
        Assert.All(run.Events, e => Assert.Equal("prod-sql-a", e.Host));
        Assert.Equal("SQLPROD01", run.Context.SourceHost);
    }

    [Fact]
    public void A_log_begun_by_sp_cycle_errorlog_repeats_the_banner_but_is_no_restart()
    {
        string text = string.Join("\r\n",
            "2024-03-03 00:00:00.45 spid62      " + Banner,
            "\tJul 27 2023 18:11:00 ",
            "\tCopyright (C) 2019 Microsoft Corporation",
            "",
            "2024-03-03 00:00:00.45 spid62      UTC adjustment: -5:00",
            "2024-03-03 00:00:00.45 spid62      Server process ID is 3820.",
            "2024-03-03 00:00:00.45 spid62      Logging SQL Server messages in file 'D:\\MSSQL15.MSSQLSERVER\\MSSQL\\Log\\ERRORLOG'.",
            "2024-03-03 00:00:00.45 spid62      The error log has been reinitialized. See the previous log for older entries.",
            "2024-03-03 00:30:05.87 spid64      Starting up database 'ReportsStaging'.",
            "");
        var run = ErrorLogRun.Read(ErrorLogRun.Utf16(text), folderHost: "SQLPROD01");
        Assert.Equal([1, 5, 6, 7, 8, 9], run.Events.Select(e => e.Line));
        Assert.All(run.Events, e => Assert.Equal(EventKind.Info, e.Kind));
        Assert.Equal("2024-03-03T05:00:00.450Z", ErrorLogRun.IsoUtc(run.Events[0]));
        Assert.Equal("2024-03-03T05:30:05.870Z", ErrorLogRun.IsoUtc(run.Events[^1]));
    }

    [Fact]
    public void Each_startup_block_is_one_restart_at_its_first_marker()
    {
        // A copy that lost its banner starts at "Server process ID is"; a second block follows a crash.
        string text = string.Join("\r\n",
            "2024-03-05 06:32:04.31 Server      Server process ID is 4242.",
            "2024-03-05 06:32:04.31 Server      Logging SQL Server messages in file 'D:\\MSSQL15.MSSQLSERVER\\MSSQL\\Log\\ERRORLOG'.",
            "2024-03-05 06:32:04.31 Server      UTC adjustment: -5:00",
            "2024-03-05 06:32:05.09 spid11s     Server name is 'SQLPROD01\\ORDERS'. This is an informational message only. No user action is required.",
            "2024-03-05 06:32:15.88 Server      SQL Server is now ready for client connections. This is an informational message; no user action is required.",
            "2024-03-05 07:10:00.02 Server      " + Banner,
            "\tJul 27 2023 18:11:00 ",
            "2024-03-05 07:10:00.02 Server      UTC adjustment: -5:00",
            "2024-03-05 07:10:00.02 Server      Server process ID is 5120.",
            "");
        var run = ErrorLogRun.Read(ErrorLogRun.Utf8(text));
        Assert.Equal(
            [(1, EventKind.Restart), (2, EventKind.Info), (3, EventKind.Info), (4, EventKind.Info), (5, EventKind.Ready),
             (6, EventKind.Restart), (8, EventKind.Info), (9, EventKind.Info)],
            run.Events.Select(e => (e.Line, e.Kind)));
        Assert.Equal(["2024-03-05T11:32:04.310Z", "2024-03-05T12:10:00.020Z"], run.OfKind(EventKind.Restart).Select(ErrorLogRun.IsoUtc));
        // A named instance: the machine is the host.
        Assert.All(run.Events, e => Assert.Equal("SQLPROD01", e.Host));
    }

    [Fact]
    public void An_unreadable_UTC_adjustment_is_reported_and_times_stay_as_written()
    {
        string text = "2024-03-05 06:32:04.31 Server      " + Banner + "\r\n"
            + "2024-03-05 06:32:04.31 Server      UTC adjustment: soon\r\n";
        var run = ErrorLogRun.Read(ErrorLogRun.Utf8(text));
        Assert.Equal((2, "unreadable UTC adjustment 'soon': times taken as UTC"), Assert.Single(run.Problems));
        Assert.Equal("2024-03-05T06:32:04.310Z", ErrorLogRun.IsoUtc(run.Single(EventKind.Restart)));
    }

    [Fact]
    public void A_startup_block_that_never_names_the_server_waits_a_bounded_number_of_entries()
    {
        var lines = new List<string> { "2024-03-05 06:32:04.31 Server      " + Banner };
        for (int i = 0; i < 600; i++)
            lines.Add("2024-03-05 06:32:05.00 spid11s     Starting up database 'db" + i + "'.");
        lines.Add("2024-03-05 06:32:06.00 spid11s     Server name is 'LATE'. This is an informational message only. No user action is required.");
        lines.Add("");
        var run = ErrorLogRun.Read(ErrorLogRun.Utf8(string.Join("\r\n", lines)), folderHost: "FOLDER");
        Assert.Equal(602, run.Events.Count);
        // The first 500 entries left before the name came; the rest after it.
        Assert.Equal("FOLDER", run.Events[0].Host);
        Assert.Equal("FOLDER", run.Events[499].Host);
        Assert.Equal("LATE", run.Events[^1].Host);
    }
}
