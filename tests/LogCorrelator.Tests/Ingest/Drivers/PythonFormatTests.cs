using LogCorrelator.Events;
using LogCorrelator.Ingest.Formats.Common;
using LogCorrelator.Ingest.Formats.Python;
using LogCorrelator.Tests.Fixtures;

namespace LogCorrelator.Tests.Ingest.Drivers;

public sealed class PythonFormatTests
{
    private static readonly PythonFormat Format = new();

    public static TheoryData<string, string, string, string, bool> Layouts => new()
    {
        // line, UTC time, level, message, a Python-only layout
        { "2024-03-05 11:32:15,123 ERROR orders.db: Lost the database", "2024-03-05 11:32:15.123", "Error", "Lost the database", true },
        { "2024-03-05 11:32:15,123 - orders.db - ERROR - Lost the database", "2024-03-05 11:32:15.123", "Error", "Lost the database", true },
        { "[2024-03-05 11:32:15,123] ERROR in app: Lost the database", "2024-03-05 11:32:15.123", "Error", "Lost the database", true },
        { "2024-03-05 11:32:15,123 WARNING  __main__: Retrying in 10 s", "2024-03-05 11:32:15.123", "Warning", "Retrying in 10 s", true },
        { "2024-03-05 11:32:15,123 CRITICAL root: Giving up", "2024-03-05 11:32:15.123", "Fatal", "Giving up", true },
        // Another layout still starts an entry, read generically.
        { "2024-03-05 11:32:15,123 INFO Started", "2024-03-05 11:32:15.123", "Info", "Started", false },
        // A .NET logger name is PascalCase: not Python's layout, though the line is read the same.
        { "2024-03-05 11:32:15,123 INFO Orders.Api: Started", "2024-03-05 11:32:15.123", "Info", "Orders.Api: Started", false },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Each_layout_yields_its_utc_time_level_and_message(string line, string utc, string level, string message, bool python)
    {
        Assert.True(PythonHeaderParser.TryParse(line, out LogHeader header));
        Assert.Equal(level, header.Level.ToString());
        Assert.Equal(python, PythonHeaderParser.TryParseStrict(line, out _));

        var run = DriverRun.Text(Format, line + "\n");

        LogEvent e = Assert.Single(run.Events);
        Assert.Equal(utc, DriverRun.Utc(e.Time));
        Assert.Equal(EventKind.Info, e.Kind);
        Assert.Equal(message, run.Message(e));
    }

    [Theory]
    [InlineData("pyodbc-refused.log", "2024-03-05 11:32:03.135", 20009, "08S01", "pyodbc.OperationalError: ('08S01', '[08S01] [FreeTDS][SQL Server]Unable to connect: Adaptive Server is unavailable or does not exist (20009) (SQLDriverConnect)')")]
    [InlineData("pyodbc-reset.log", "2024-03-05 11:32:03.133", 20009, "08S01", "pyodbc.OperationalError: ('08S01', '[08S01] [FreeTDS][SQL Server]Unable to connect: Adaptive Server is unavailable or does not exist (20009) (SQLDriverConnect)')")]
    [InlineData("pyodbc-prelogin.log", "2024-03-05 11:32:03.269", null, "08001", "pyodbc.OperationalError: ('08001', '[08001] [FreeTDS][SQL Server]Unable to connect to data source (0) (SQLDriverConnect)')")]
    [InlineData("pyodbc-timeout.log", "2024-03-05 11:32:09.147", -2, "HYT00", "pyodbc.OperationalError: ('HYT00', '[HYT00] [FreeTDS][SQL Server]Timeout expired (0) (SQLDriverConnect)')")]
    public void Each_recorded_freetds_failure_is_one_error_with_its_traceback(string file, string utc, int? code, string state, string message)
    {
        var run = DriverRun.Fixture(Format, file);

        Assert.Equal(2, run.Events.Count);
        Assert.Equal(EventKind.Info, run.Events[0].Kind);
        Assert.Equal("Connecting to 127.0.0.1:", run.Message(run.Events[0])[..24]);
        LogEvent e = run.Events[1];
        Assert.Equal((EventKind.Error, utc, code, state, "APPSRV01", 2), (e.Kind, DriverRun.Utc(e.Time), e.Code, e.SqlState, e.Host, e.Line));
        Assert.Equal(message, run.Message(e));
        // The whole traceback is the entry: it runs to the end of the file.
        string[] lines = RecordedFixture.Lines(file);
        Assert.Equal(string.Join("\n", lines[1..]) + "\n", run.Entry(e));
        Assert.Empty(run.Problems);
    }

    [Fact]
    public void A_chained_traceback_is_one_entry_whose_message_is_the_last_exception()
    {
        var run = DriverRun.Fixture(Format, "pyodbc-msodbc.log");

        Assert.Equal(
        [
            "2024-03-05 11:31:40.018 info - - APPSRV01 line 1",
            "2024-03-05 11:31:41.502 info - - APPSRV01 line 2",
            "2024-03-05 11:32:06.477 error 10054 08S01 APPSRV01 line 3",
            "2024-03-05 11:32:06.480 info - - APPSRV01 line 24",
            "2024-03-05 11:32:31.519 error -2 HYT00 APPSRV01 line 25",
            "2024-03-05 11:32:52.004 info - - APPSRV01 line 26",
        ], run.Events.Select(e => DriverRun.Row(e)));
        Assert.Equal("Sync started: batch 4411, DSN orders (ODBC Driver 17 for SQL Server)", run.Message(run.Events[0]));
        Assert.Equal(@"sqlalchemy.exc.OperationalError: (pyodbc.OperationalError) ('08S01', '[08S01] [Microsoft][ODBC Driver 17 for SQL Server]TCP Provider: An existing connection was forcibly closed by the remote host.\r\n (10054) (SQLExecDirectW)')", run.Message(run.Events[2]));
        Assert.EndsWith("(Background on this error at: https://sqlalche.me/e/14/e3q8)\n", run.Entry(run.Events[2]));
        // No traceback: the record's own text, which quotes the tuple, is the message.
        Assert.StartsWith("Reconnect failed: ('HYT00', '[HYT00] [Microsoft][ODBC Driver 17 for SQL Server]Login timeout expired (0)", run.Message(run.Events[4]));
    }

    [Fact]
    public void The_python_2_seed_string_gives_the_08S01_record_and_its_native_error()
    {
        var run = DriverRun.Fixture(Format, "pyodbc-py2.log");

        Assert.Equal(
        [
            "2024-03-05 11:31:55.310 info - - APPSRV01 line 1",
            "2024-03-05 11:32:06.495 error 11 08S01 APPSRV01 line 2",
            "2024-03-05 11:32:11.502 error 11 08S01 APPSRV01 line 3",
            "2024-03-05 11:32:16.510 info - - APPSRV01 line 8",
        ], run.Events.Select(e => DriverRun.Row(e)));
        Assert.Equal("Query failed: '[01000] [Microsoft][ODBC SQL Server Driver][DBNETLIB]ConnectionRead (recv()). (65534) (SQLExecDirectW); [08S01] [Microsoft][ODBC SQL Server Driver][DBNETLIB]General network error. Check your network documentation. (11)'", run.Message(run.Events[1]));
        // Python 2.7's traceback names the class without its module.
        Assert.Equal("Error: ('08S01', '[08S01] [Microsoft][ODBC SQL Server Driver][DBNETLIB]General network error. Check your network documentation. (11) (SQLExecDirectW)')", run.Message(run.Events[2]));
    }

    [Fact]
    public void A_flask_log_keeps_the_linux_errno_beside_the_normalised_code()
    {
        var run = DriverRun.Fixture(Format, "flask-app.log");

        Assert.Equal(
        [
            "2024-03-05 11:31:50.002 info - - APPSRV01 line 1",
            "2024-03-05 11:32:07.118 error 10054 08S01 APPSRV01 line 2",
            "2024-03-05 11:32:07.121 info - - APPSRV01 line 13",
        ], run.Events.Select(e => DriverRun.Row(e)));
        Assert.Equal("errno=104", run.Events[1].Extra);
        Assert.Equal("pyodbc.OperationalError: ('08S01', '[08S01] [Microsoft][ODBC Driver 18 for SQL Server]TCP Provider: Error code 0x68 (104) (SQLExecDirectW)')", run.Message(run.Events[1]));
        Assert.Equal("GET /orders/4411 500", run.Message(run.Events[2]));
    }
}
