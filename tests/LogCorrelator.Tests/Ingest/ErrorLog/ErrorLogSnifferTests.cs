using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Formats.ErrorLog;

namespace LogCorrelator.Tests.Ingest.ErrorLog;

/// <summary>Format detection: ERRORLOG's two-decimal timestamp and process column.</summary>
public sealed class ErrorLogSnifferTests
{
    private static readonly string[] ErrorLogLines =
    [
        "2024-03-05 06:32:04.31 Server      Microsoft SQL Server 2019 (RTM-CU22) (KB5027702) - 15.0.4322.2 (X64) ",
        "\tJul 27 2023 18:11:00 ",
        "\tCopyright (C) 2019 Microsoft Corporation",
        "",
        "2024-03-05 06:32:04.31 Server      UTC adjustment: -5:00",
        "2024-03-05 06:32:04.85 spid11s     Starting up database 'master'.",
        "2024-03-05 06:45:03.14 Backup      Log was backed up. Database: OrdersDb",
        "2024-03-05 07:05:41.03 Logon       Error: 18456, Severity: 14, State: 38.",
    ];

    private static double Score(string fileName, params string[] lines) =>
        new ErrorLogFormat().Score(new SniffSample(fileName, lines, SourceEncoding.Utf16LE));

    [Fact]
    public void ERRORLOG_lines_score_high_whatever_the_file_is_called()
    {
        Assert.True(Score("ERRORLOG.1", ErrorLogLines) >= 0.9);
        Assert.True(Score("sqlprod01-errorlog-copy.txt", ErrorLogLines) >= 0.9);
    }

    [Fact]
    public void The_sample_files_own_first_lines_score_high()
    {
        string text = System.Text.Encoding.Unicode.GetString(File.ReadAllBytes(ErrorLogRun.SamplePath("ERRORLOG")))[1..];
        Assert.True(Score("ERRORLOG", text.Split("\r\n")[..40]) >= 0.9);
    }

    [Fact]
    public void An_ERRORLOG_name_vouches_for_unknown_process_names()
    {
        string[] lines = ["2024-03-05 06:32:04.31 DBMgr       Something new.", "2024-03-05 06:32:04.35 DBMgr       Something else."];
        Assert.True(Score("ERRORLOG", lines) >= 0.9);
        Assert.True(Score("app.log", lines) < 0.3);
    }

    [Theory]
    [InlineData("2024-03-05 12:32:06.480 +01:00 [ERR] Failed executing DbCommand")] // Serilog
    [InlineData("2024-03-05 11:32:15,123 [12] ERROR Orders.Api - request failed")] // log4net
    [InlineData("2024-03-05T11:32:15.123Z INFO started")]
    [InlineData("Proto  Local Address          Foreign Address        State")] // netstat
    public void Other_logs_score_low(string line)
    {
        Assert.True(Score("ERRORLOG", line, line) < 0.3);
        Assert.True(Score("app.log", line, line) < 0.3);
    }

    [Fact]
    public void An_empty_sample_scores_zero() => Assert.Equal(0, Score("ERRORLOG"));

    [Theory]
    [InlineData("ERRORLOG", true)]
    [InlineData("ERRORLOG.1", true)]
    [InlineData("errorlog.12", true)]
    [InlineData("ERRORLOG.", false)]
    [InlineData("ERRORLOG.txt", false)]
    [InlineData("MYERRORLOG", false)]
    [InlineData("SQLAGENT.OUT", false)]
    public void SQL_Servers_own_file_names(string name, bool expected) =>
        Assert.Equal(expected, ErrorLogSniffer.IsErrorLogName(name));
}
