using LogCorrelator.Events;
using LogCorrelator.Ingest.Formats.Odbc;

namespace LogCorrelator.Tests.Ingest.Drivers;

public sealed class OdbcLogTests
{
    private static readonly OdbcFormat Format = new();

    [Fact]
    public void A_system_data_odbc_exception_is_one_event_with_its_exception_line_as_message()
    {
        var run = DriverRun.Fixture(Format, "odbc-dotnet.log");

        Assert.Equal(
        [
            "2024-03-05 11:31:58.204 info - - APPSRV01 line 1",
            "2024-03-05 11:31:58.391 info - - APPSRV01 line 2",
            "2024-03-05 11:32:06.512 error 10054 08S01 APPSRV01 line 3",
            "2024-03-05 11:32:06.530 info - - APPSRV01 line 13",
            "2024-03-05 11:32:26.547 error 10061 08001 APPSRV01 line 14",
            "2024-03-05 11:32:41.902 info - - APPSRV01 line 28",
        ], run.Events.Select(e => DriverRun.Row(e)));
        Assert.Equal("System.Data.Odbc.OdbcException (0x80131937): ERROR [08S01] [Microsoft][ODBC Driver 17 for SQL Server]TCP Provider: An existing connection was forcibly closed by the remote host.", run.Message(run.Events[2]));
        Assert.Equal("System.Data.Odbc.OdbcException (0x80131937): ERROR [08001] [Microsoft][ODBC Driver 17 for SQL Server]TCP Provider: No connection could be made because the target machine actively refused it.", run.Message(run.Events[4]));
        // Read as the .NET app log reads log4net: the logger stays in the message.
        Assert.Equal("Billing.Jobs.InvoiceExport - Invoice export 2.7.0 starting, DSN BillingDb (ODBC Driver 17 for SQL Server)", run.Message(run.Events[0]));
        // The blank line inside OdbcException's message and the frames stay in the entry; CR LF counted.
        string entry = run.Entry(run.Events[2]);
        Assert.Contains("remote host.\r\n\r\nERROR [08S01] [Microsoft][ODBC Driver 17 for SQL Server]Communication link failure\r\n", entry);
        Assert.EndsWith("InvoiceExport.cs:line 41\r\n", entry);
        Assert.Empty(run.Problems);
    }

    [Fact]
    public void Legacy_driver_diagnostics_give_the_state_and_native_error_of_the_error_record()
    {
        var run = DriverRun.Fixture(Format, "odbc-cpp-legacy.log");

        Assert.Equal(
        [
            "2024-03-05 11:30:12.004 info - - APPSRV01 line 1",
            "2024-03-05 11:32:06.481 error 11 08S01 APPSRV01 line 2",
            "2024-03-05 11:32:06.490 error - - APPSRV01 line 5",
            "2024-03-05 11:32:09.122 error - 08S01 APPSRV01 line 6",
            "2024-03-05 11:32:15.730 info - - APPSRV01 line 7",
        ], run.Events.Select(e => DriverRun.Row(e)));
        // The 01000 warning line comes first, but the message is the line of the chosen SQLSTATE.
        Assert.Equal("SQLSTATE=08S01 NativeError=11 [Microsoft][ODBC SQL Server Driver][DBNETLIB]General network error. Check your network documentation.", run.Message(run.Events[1]));
        // Seed 000 messages 1 and 2: the diagnostic is on the record's own line, which is the message.
        Assert.Equal("[poller] gateway: [Microsoft][ODBC SQL Server Driver][DBNETLIB] General Network error. Check your network documentation", run.Message(run.Events[2]));
        Assert.Equal("[reporter] gateway: report query failed: ERROR [08S01] [Microsoft][SQL Native Client]Communication link failure", run.Message(run.Events[3]));
    }
}
