using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Formats.ErrorLog;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Tests.Ingest.ErrorLog;

/// <summary>xp_readerrorlog results saved from SSMS: the same events through other columns.</summary>
public sealed class ErrorLogExportTests
{
    private const string Kill = "Process ID 87 was killed by hostname APPSRV01, host process ID 4412.";
    private const string Login = "Login failed for user 'CORP\\svc_reports'. Reason: Failed to open the explicitly specified database 'ReportsArchive'. [CLIENT: 10.20.1.92]";

    private static readonly string TabSeparated = string.Join("\r\n",
        "LogDate\tProcessInfo\tText",
        "2024-03-05 06:32:04.310\tServer\tMicrosoft SQL Server 2019 (RTM-CU22) (KB5027702) - 15.0.4322.2 (X64) ",
        "\tJul 27 2023 18:11:00 ",
        "\tCopyright (C) 2019 Microsoft Corporation",
        "2024-03-05 06:32:04.310\tServer\tUTC adjustment: -5:00",
        "2024-03-05 06:32:04.310\tServer\tServer process ID is 4242.",
        "2024-03-05 06:32:05.090\tspid11s\tServer name is 'SQLPROD01'. This is an informational message only. No user action is required.",
        "2024-03-05 06:32:15.880\tServer\tSQL Server is now ready for client connections. This is an informational message; no user action is required.",
        "2024-03-05 06:47:22.400\tspid64\t" + Kill,
        "2024-03-05 07:05:41.030\tLogon\tError: 18456, Severity: 14, State: 38.",
        "2024-03-05 07:05:41.030\tLogon\t" + Login,
        "");

    private static ErrorLogRun ReadExport(string text) =>
        ErrorLogRun.Read(ErrorLogRun.Utf8(text), "incident/SQLPROD01/errorlog-export.txt", format: new ErrorLogExportFormat());

    [Fact]
    public void A_tab_separated_export_gives_the_same_events_as_the_ERRORLOG()
    {
        var run = ReadExport(TabSeparated);
        Assert.Empty(run.Problems); // the column names are no orphan
        Assert.Equal(
            [(2, EventKind.Restart), (5, EventKind.Info), (6, EventKind.Info), (7, EventKind.Info), (8, EventKind.Ready),
             (9, EventKind.Kill), (10, EventKind.LoginFailed)],
            run.Events.Select(e => (e.Line, e.Kind)));
        Assert.Equal("2024-03-05T11:32:04.310Z", ErrorLogRun.IsoUtc(run.Single(EventKind.Restart)));
        Assert.Equal("2024-03-05T11:32:15.880Z", ErrorLogRun.IsoUtc(run.Single(EventKind.Ready)));
        Assert.All(run.Events, e => Assert.Equal("SQLPROD01", e.Host));

        var kill = run.Single(EventKind.Kill);
        Assert.Equal((87, "APPSRV01", "hostpid=4412"), (kill.Spid, kill.Peer, kill.Extra));
        Assert.Equal(Kill, run.Message(kill));

        var failed = run.Single(EventKind.LoginFailed);
        Assert.Equal((18456, "10.20.1.92"), (failed.Code, failed.Peer));
        Assert.Equal(Login, run.Message(failed));
    }

    [Theory]
    [InlineData("2024-03-05 06:47:22.400,spid64," + Kill)]
    [InlineData("\"2024-03-05 06:47:22.400\",\"spid64\",\"" + Kill + "\"")]
    public void CSV_rows_with_or_without_quotes(string row)
    {
        var run = ReadExport("LogDate,ProcessInfo,Text\r\n" + row + "\r\n");
        var kill = Assert.Single(run.Events);
        Assert.Equal(EventKind.Kill, kill.Kind);
        Assert.Equal((87, "APPSRV01"), (kill.Spid, kill.Peer));
        Assert.Equal("2024-03-05T06:47:22.400Z", ErrorLogRun.IsoUtc(kill)); // no startup block: UTC assumed
        Assert.Equal(Kill, run.Message(kill));
    }

    [Fact]
    public void A_quoted_error_pair_is_one_event()
    {
        var run = ReadExport(
            "\"2024-03-05 07:05:41.030\",\"Logon\",\"Error: 18456, Severity: 14, State: 38.\"\r\n"
            + "\"2024-03-05 07:05:41.030\",\"Logon\",\"" + Login + "\"\r\n");
        var failed = Assert.Single(run.Events);
        Assert.Equal((EventKind.LoginFailed, 18456), (failed.Kind, failed.Code));
        Assert.Equal(Login, run.Message(failed));
    }

    [Fact]
    public void Exports_and_ERRORLOGs_are_told_apart()
    {
        var export = new SniffSample("errorlog-export.txt", TabSeparated.Split("\r\n")[..^1], SourceEncoding.Utf8);
        Assert.True(new ErrorLogExportFormat().Score(export) >= 0.9);
        Assert.True(new ErrorLogFormat().Score(export) < 0.3);

        string[] csv = ["2024-03-05 06:47:22.400,spid64," + Kill, "2024-03-05 07:05:41.030,Logon,Error: 18456, Severity: 14, State: 38."];
        Assert.True(new ErrorLogExportFormat().Score(new SniffSample("result.csv", csv, SourceEncoding.Utf8)) >= 0.9);

        string[] errorlog = ["2024-03-05 06:47:22.40 spid64      " + Kill, "2024-03-05 07:05:41.03 Logon       " + Login];
        var file = new SniffSample("ERRORLOG", errorlog, SourceEncoding.Utf16LE);
        Assert.True(new ErrorLogFormat().Score(file) >= 0.9);
        Assert.Equal(0, new ErrorLogExportFormat().Score(file));
    }
}
