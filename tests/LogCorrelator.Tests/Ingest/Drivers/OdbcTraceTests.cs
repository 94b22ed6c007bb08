using LogCorrelator.Events;
using LogCorrelator.Ingest.Formats.Odbc;

namespace LogCorrelator.Tests.Ingest.Drivers;

public sealed class OdbcTraceTests
{
    private static readonly OdbcFormat Format = new();
    private static readonly DateTimeOffset At = new(2024, 3, 5, 11, 32, 6, 480, TimeSpan.Zero);

    [Fact]
    public void A_windows_trace_gives_one_error_per_failed_call_and_ignores_warnings()
    {
        var run = DriverRun.Fixture(Format, "SQL.LOG", at: At);

        // Connect's 01000 "Changed database context" and disconnect's 01002 are warnings, not events.
        Assert.Equal(2, run.Events.Count);
        Assert.All(run.Events, e => Assert.Equal(EventKind.Error, e.Kind));
        Assert.All(run.Events, e => Assert.Equal("2024-03-05 11:32:06.480", DriverRun.Utc(e.Time)));
        Assert.All(run.Events, e => Assert.Equal("APPSRV01", e.Host));
        Assert.Empty(run.Problems);

        LogEvent reset = run.Events[0];
        Assert.Equal((52, 10054, "08S01", "call=SQLExecDirectW"), (reset.Line, reset.Code!.Value, reset.SqlState, reset.Extra));
        Assert.Equal("[08S01] [Microsoft][ODBC Driver 17 for SQL Server]TCP Provider: An existing connection was forcibly closed by the remote host.", run.Message(reset));
        string entry = run.Entry(reset);
        Assert.StartsWith("InvoiceExport   1f04-2a10\tEXIT  SQLExecDirectW  with return code -1 (SQL_ERROR)\r\n", entry);
        Assert.EndsWith("\t\tDIAG [08S01] [Microsoft][ODBC Driver 17 for SQL Server]Communication link failure (10054) \r\n\r\n", entry);

        // The refused port comes first; the login timeout it causes is a later record and does not decide.
        LogEvent refused = run.Events[1];
        Assert.Equal((80, 10061, "08001", "call=SQLDriverConnectW"), (refused.Line, refused.Code!.Value, refused.SqlState, refused.Extra));
        Assert.Equal("[08001] [Microsoft][ODBC Driver 17 for SQL Server]TCP Provider: No connection could be made because the target machine actively refused it.", run.Message(refused));
    }

    [Fact]
    public void A_windows_trace_without_at_takes_the_file_time_and_says_it_was_assumed()
    {
        var modified = new DateTimeOffset(2024, 3, 5, 11, 40, 0, TimeSpan.Zero);
        var run = DriverRun.Fixture(Format, "SQL.LOG", modified: modified);

        Assert.All(run.Events, e => Assert.Equal("2024-03-05 11:40:00.000", DriverRun.Utc(e.Time)));
        Assert.Equal("UTC (assumed); trace time from file mtime (assumed)", run.Clock.Describe());

        var given = DriverRun.Fixture(Format, "SQL.LOG", at: At, modified: modified);
        Assert.Equal("UTC (assumed); trace time from --at", given.Clock.Describe());
    }

    [Fact]
    public void A_date_line_above_a_windows_trace_times_it()
    {
        const string trace = "Tue Mar  5 11:32:00 UTC 2024\n"
            + "orders          1a2c-3b4d\tEXIT  SQLExecDirectW  with return code -1 (SQL_ERROR)\n"
            + "\t\tHSTMT               0x00A41F58\n"
            + "\n"
            + "\t\tDIAG [08S01] [Microsoft][ODBC Driver 17 for SQL Server]Communication link failure (10054) \n";
        var run = DriverRun.Text(Format, trace, at: At);

        LogEvent e = Assert.Single(run.Events);
        Assert.Equal("2024-03-05 11:32:00.000", DriverRun.Utc(e.Time));
        Assert.Equal((2, 10054, "08S01"), (e.Line, e.Code!.Value, e.SqlState));
        Assert.Equal("[08S01] [Microsoft][ODBC Driver 17 for SQL Server]Communication link failure (10054)", run.Message(e));
    }

    [Fact]
    public void A_trace_with_no_time_anywhere_is_reported_once_and_gives_no_events()
    {
        const string record = "orders          1a2c-3b4d\tEXIT  SQLExecDirectW  with return code -1 (SQL_ERROR)\n\t\tDIAG [08S01] [Microsoft][SQL Native Client]Communication link failure (0) \n";
        var run = DriverRun.Text(Format, record + record);

        Assert.Empty(run.Events);
        Assert.Equal([(1, "an ODBC trace has no times of its own and the file's time is unknown: give --at")], run.Problems);
    }

    [Fact]
    public void A_recorded_unixodbc_trace_times_each_failure_by_its_record()
    {
        var run = DriverRun.Fixture(Format, "unixodbc-trace.log");

        // refused, reset (FreeTDS says the same for both), closed after pre-login, silence.
        Assert.Equal(
        [
            "2024-03-05 10:32:03.134 error - 08S01 APPSRV01 line 40",
            "2024-03-05 10:32:03.261 error - 08S01 APPSRV01 line 114",
            "2024-03-05 10:32:03.385 error - 08001 APPSRV01 line 188",
            "2024-03-05 10:32:06.496 error -2 HYT00 APPSRV01 line 264",
        ], run.Events.Select(e => DriverRun.Row(e)));
        Assert.Equal(
        [
            "[08S01] [FreeTDS][SQL Server]Unable to connect: Adaptive Server is unavailable or does not exist",
            "[08S01] [FreeTDS][SQL Server]Unable to connect: Adaptive Server is unavailable or does not exist",
            "[08001] [FreeTDS][SQL Server]Unable to connect to data source",
            "[HYT00] [FreeTDS][SQL Server]Timeout expired",
        ], run.Events.Select(e => run.Message(e)));
        // The last one's -2 is its words' ("Timeout expired"), not a printed number.
        Assert.Equal(["call=SQLDriverConnect", "call=SQLDriverConnect", "call=SQLDriverConnect", "call=SQLDriverConnect; code=implied"],
            run.Events.Select(e => e.Extra));
        Assert.StartsWith("[ODBC][22195][1709634723.134735][SQLDriverConnect.c][751]\n\t\tEntry:\n", run.Entry(run.Events[0]));
        Assert.Equal("in each timestamp", run.Clock.Describe());
        Assert.Empty(run.Problems);
    }
}
