using LogCorrelator.Events;
using LogCorrelator.Ingest.Formats.AppLog;
using LogCorrelator.Ingest.Formats.Common;

namespace LogCorrelator.Tests.Ingest.AppLog;

public sealed class AppLogLayoutTests
{
    public static TheoryData<string, string, string, string> Layouts => new()
    {
        // line, UTC time, level, message
        { "2024-03-05 11:32:15.123 Request served", "2024-03-05 11:32:15.123", "None", "Request served" },
        { "2024-03-05T11:32:15.123Z INFO Request served", "2024-03-05 11:32:15.123", "Info", "Request served" },
        { "2024-03-05T11:32:15.1234567+01:00 [WRN] Pool nearly exhausted", "2024-03-05 10:32:15.123", "Warning", "Pool nearly exhausted" },
        { "2024-03-05T06:32:15.5-05:00 ERROR Lost the database", "2024-03-05 11:32:15.500", "Error", "Lost the database" },
        { "2024-03-05 11:32:15,123 [12] ERROR Orders.Api.Worker - Batch failed", "2024-03-05 11:32:15.123", "Error", "Orders.Api.Worker - Batch failed" },
        { "2024-03-05 11:32:15,123 [main] FATAL Host terminated", "2024-03-05 11:32:15.123", "Fatal", "Host terminated" },
        { "2024-03-05 11:32:15.123 +01:00 [ERR] Request failed", "2024-03-05 10:32:15.123", "Error", "Request failed" },
        { "2024-03-05 11:32:15.123 -05:00 [DBG] Cache warmed", "2024-03-05 16:32:15.123", "Debug", "Cache warmed" },
        { "2024-03-05 11:32:15.1234|ERROR|Orders.Api.Program|Host terminated", "2024-03-05 11:32:15.123", "Error", "Orders.Api.Program|Host terminated" },
        { "[2024-03-05 11:32:15.123] [WARN] Retrying", "2024-03-05 11:32:15.123", "Warning", "Retrying" },
        { "[2024-03-05 11:32:15.123 +01:00 INF] Started", "2024-03-05 10:32:15.123", "Info", "Started" },
        { "2024-03-05 11:32:15.123 fail: Orders.Api[0] Unhandled", "2024-03-05 11:32:15.123", "Error", "Orders.Api[0] Unhandled" },
        { "2024-03-05 11:32:15 Warning: disk almost full", "2024-03-05 11:32:15.000", "Warning", "disk almost full" },
        // A level word inside the message is not a level: only a thread or process field may come first.
        { "2024-03-05 11:32:15.123 Request failed: error reading body", "2024-03-05 11:32:15.123", "None", "Request failed: error reading body" },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Each_layout_yields_its_utc_time_level_and_message(string line, string utc, string level, string message)
    {
        Assert.True(LogHeaderParser.TryParse(line, out LogHeader header));
        Assert.Equal(level, header.Level.ToString());

        var run = AppLogRun.Text(line + "\n");

        LogEvent e = Assert.Single(run.Events);
        Assert.Equal(utc, AppLogRun.Utc(e.Time));
        Assert.Equal(EventKind.Info, e.Kind);
        Assert.Equal(message, run.Message(e));
        Assert.Empty(run.Problems);
    }

    [Theory]
    [InlineData("   at Orders.Api.Program.Main(String[] args)")]
    [InlineData("2024-03-05")]
    [InlineData("2024-03-05 11:32:15.123abc glued")]
    [InlineData("2024-13-05 11:32:15.123 [INF] month 13")]
    [InlineData("{\"@t\":\"2024-03-05T11:32:15.123Z\",\"@mt\":\"CLEF\"}")]
    public void A_line_without_a_leading_timestamp_starts_no_entry(string line) =>
        Assert.False(LogHeaderParser.TryParse(line, out _));

    [Fact]
    public void An_errorlog_line_is_marked_by_its_process_column()
    {
        Assert.True(LogHeaderParser.TryParse("2024-03-05 06:47:22.40 spid87      Process ID 87 was killed by hostname APPSRV01, host process ID 4412.", out LogHeader kill));
        Assert.True(kill.ProcessColumn);
        Assert.True(LogHeaderParser.TryParse("2024-03-05 06:32:04.31 spid7s      Starting up database 'msdb'.", out LogHeader system));
        Assert.True(system.ProcessColumn);
        Assert.True(LogHeaderParser.TryParse("2024-03-05 11:32:15.123 +01:00 [INF] spid87 was slow", out LogHeader app));
        Assert.False(app.ProcessColumn);
    }
}
