using System.Text.RegularExpressions;

namespace LogCorrelator.Tests.Fixtures;

/// <summary>
/// Pins what later tests rely on in the recordings: which file holds which driver's text, the
/// fixed clock of each log, the ss capture's shape, and that nothing secret or local leaked in.
/// </summary>
public sealed partial class RecordedFixturesTests
{
    private const string FakePassword = "NotTheRealOne1";

    [Fact]
    public void Every_driver_was_recorded_against_every_fault()
    {
        string[] expected =
        [
            "jtds-prelogin.log", "jtds-refused.log", "jtds-reset.log", "jtds-timeout.log",
            "pyodbc-prelogin.log", "pyodbc-refused.log", "pyodbc-reset.log", "pyodbc-timeout.log",
            "sqlclient-prelogin.log", "sqlclient-refused.log", "sqlclient-reset.log", "sqlclient-timeout.log",
            "sqlclient7-prelogin.log", "sqlclient7-refused.log", "sqlclient7-reset.log", "sqlclient7-timeout.log",
            "ss-burst.txt",
        ];
        Assert.Equal(expected, RecordedFixture.Outputs());
    }

    [Theory]
    [InlineData("sqlclient-refused.log", "Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server.")]
    [InlineData("sqlclient-refused.log", "(provider: TCP Provider, error: 40 - Could not open a connection to SQL Server: Could not open a connection to SQL Server)")]
    [InlineData("sqlclient-refused.log", "\nClientConnectionId:00000000-0000-0000-0000-000000000000\n")]
    [InlineData("sqlclient-reset.log", "Microsoft.Data.SqlClient.SqlException (0x80131904): The client was unable to establish a connection because of an error during connection initialization process before login.")]
    [InlineData("sqlclient-reset.log", "(provider: TCP Provider, error: 35 - An internal exception was caught)\n")]
    [InlineData("sqlclient-reset.log", "\n ---> System.IO.IOException: Unable to write data to the transport connection: Connection reset by peer.\n")]
    [InlineData("sqlclient-reset.log", "\n ---> System.Net.Sockets.SocketException (104): Connection reset by peer\n")]
    [InlineData("sqlclient-prelogin.log", "A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 0 - Unknown error 203)\n")]
    [InlineData("sqlclient-prelogin.log", "\nError Number:203,State:0,Class:20")]
    [InlineData("sqlclient-timeout.log", "Microsoft.Data.SqlClient.SqlException (0x80131904): Connection Timeout Expired.  The timeout period elapsed while attempting to consume the pre-login handshake acknowledgement.")]
    [InlineData("sqlclient-timeout.log", "The duration spent while attempting to connect to this server was - [Pre-Login] initialization=")]
    [InlineData("sqlclient-timeout.log", "\nError Number:-2,State:0,Class:11")]
    [InlineData("sqlclient7-refused.log", "Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible.")]
    [InlineData("sqlclient7-refused.log", "(provider: TCP Provider, error: 35 - An internal exception was caught)\n ---> System.Net.Sockets.SocketException (0x80004005): Success\n")]
    [InlineData("sqlclient7-refused.log", "\nClientConnectionId:00000000-0000-0000-0000-000000000000\n")]
    [InlineData("sqlclient7-reset.log", "(provider: TCP Provider, error: 35 - An internal exception was caught)\n")]
    [InlineData("sqlclient7-reset.log", "\n ---> System.Net.Sockets.SocketException (104): Connection reset by peer\n")]
    [InlineData("sqlclient7-prelogin.log", "A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 0 - Success)\n")]
    [InlineData("sqlclient7-timeout.log", "[Pre-Login] initialization=58; handshake=2951; \n ---> System.ComponentModel.Win32Exception (258): Unknown error 258\n")]
    [InlineData("sqlclient7-timeout.log", "\nError Number:-2,State:0,Class:11")]
    [InlineData("pyodbc-refused.log", "\npyodbc.OperationalError: ('08S01', '[08S01] [FreeTDS][SQL Server]Unable to connect: Adaptive Server is unavailable or does not exist (20009) (SQLDriverConnect)')\n")]
    [InlineData("pyodbc-reset.log", "\npyodbc.OperationalError: ('08S01', '[08S01] [FreeTDS][SQL Server]Unable to connect: Adaptive Server is unavailable or does not exist (20009) (SQLDriverConnect)')\n")]
    [InlineData("pyodbc-prelogin.log", "\npyodbc.OperationalError: ('08001', '[08001] [FreeTDS][SQL Server]Unable to connect to data source (0) (SQLDriverConnect)')\n")]
    [InlineData("pyodbc-timeout.log", "\npyodbc.OperationalError: ('HYT00', '[HYT00] [FreeTDS][SQL Server]Timeout expired (0) (SQLDriverConnect)')\n")]
    [InlineData("pyodbc-timeout.log", "\nTraceback (most recent call last):\n  File \"/opt/orders-app/orders_job.py\", line 24, in main\n    conn = connect(port)\n")]
    [InlineData("jtds-refused.log", "\njava.sql.SQLException: Network error IOException: Connection refused\n")]
    [InlineData("jtds-refused.log", "\nCaused by: java.net.ConnectException: Connection refused\n")]
    [InlineData("jtds-reset.log", "\njava.sql.SQLException: Network error IOException: Connection reset by peer\n")]
    [InlineData("jtds-reset.log", "\nCaused by: java.net.SocketException: Connection reset by peer\n")]
    [InlineData("jtds-prelogin.log", "\njava.sql.SQLException: I/O Error: DB server closed connection.\n")]
    [InlineData("jtds-prelogin.log", "\nCaused by: java.io.IOException: DB server closed connection.\n")]
    [InlineData("jtds-timeout.log", "\njava.sql.SQLException: I/O Error: Socket closed\n")]
    [InlineData("jtds-timeout.log", "\n\tat net.sourceforge.jtds.jdbc.TdsCore.login(TdsCore.java:632)\n")]
    public void Each_recording_holds_its_drivers_own_text(string file, string fragment)
    {
        Assert.Contains(fragment, RecordedFixture.Read(file), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlclient-refused.log", "2024-03-05 11:32:03.120 +01:00 [INF] Opening connection to 127.0.0.1,", "2024-03-05 11:32:05.974 +01:00 [ERR] Failed to open connection")]
    [InlineData("sqlclient-reset.log", "2024-03-05 11:32:03.120 +01:00 [INF] Opening connection to 127.0.0.1,", "2024-03-05 11:32:03.366 +01:00 [ERR] Failed to open connection")]
    [InlineData("sqlclient-prelogin.log", "2024-03-05 11:32:03.120 +01:00 [INF] Opening connection to 127.0.0.1,", "2024-03-05 11:32:03.631 +01:00 [ERR] Failed to open connection")]
    [InlineData("sqlclient-timeout.log", "2024-03-05 11:32:03.120 +01:00 [INF] Opening connection to 127.0.0.1,", "2024-03-05 11:32:06.590 +01:00 [ERR] Failed to open connection")]
    [InlineData("sqlclient7-refused.log", "2024-03-05 11:32:03.120 +01:00 [INF] Opening connection to 127.0.0.1,", "2024-03-05 11:32:05.894 +01:00 [ERR] Failed to open connection")]
    [InlineData("sqlclient7-reset.log", "2024-03-05 11:32:03.120 +01:00 [INF] Opening connection to 127.0.0.1,", "2024-03-05 11:32:03.636 +01:00 [ERR] Failed to open connection")]
    [InlineData("sqlclient7-prelogin.log", "2024-03-05 11:32:03.120 +01:00 [INF] Opening connection to 127.0.0.1,", "2024-03-05 11:32:03.444 +01:00 [ERR] Failed to open connection")]
    [InlineData("sqlclient7-timeout.log", "2024-03-05 11:32:03.120 +01:00 [INF] Opening connection to 127.0.0.1,", "2024-03-05 11:32:06.396 +01:00 [ERR] Failed to open connection")]
    [InlineData("pyodbc-refused.log", "2024-03-05 11:32:03,120 INFO orders.db: Connecting to 127.0.0.1:", "2024-03-05 11:32:03,135 ERROR orders.db: Failed to connect to the orders database")]
    [InlineData("pyodbc-reset.log", "2024-03-05 11:32:03,120 INFO orders.db: Connecting to 127.0.0.1:", "2024-03-05 11:32:03,133 ERROR orders.db: Failed to connect to the orders database")]
    [InlineData("pyodbc-prelogin.log", "2024-03-05 11:32:03,120 INFO orders.db: Connecting to 127.0.0.1:", "2024-03-05 11:32:03,269 ERROR orders.db: Failed to connect to the orders database")]
    [InlineData("pyodbc-timeout.log", "2024-03-05 11:32:03,120 INFO orders.db: Connecting to 127.0.0.1:", "2024-03-05 11:32:09,147 ERROR orders.db: Failed to connect to the orders database")]
    [InlineData("jtds-refused.log", "2024-03-05 11:32:03,120 INFO  [main] com.example.OrderDao - Connecting to 127.0.0.1:", "2024-03-05 11:32:03,352 ERROR [main] com.example.OrderDao - Connection failed")]
    [InlineData("jtds-reset.log", "2024-03-05 11:32:03,120 INFO  [main] com.example.OrderDao - Connecting to 127.0.0.1:", "2024-03-05 11:32:03,374 ERROR [main] com.example.OrderDao - Connection failed")]
    [InlineData("jtds-prelogin.log", "2024-03-05 11:32:03,120 INFO  [main] com.example.OrderDao - Connecting to 127.0.0.1:", "2024-03-05 11:32:03,460 ERROR [main] com.example.OrderDao - Connection failed")]
    [InlineData("jtds-timeout.log", "2024-03-05 11:32:03,120 INFO  [main] com.example.OrderDao - Connecting to 127.0.0.1:", "2024-03-05 11:32:06,227 ERROR [main] com.example.OrderDao - Connection failed")]
    public void Each_log_opens_at_the_fixed_clock_and_logs_one_error(string file, string firstLineStart, string errorLine)
    {
        var lines = RecordedFixture.Lines(file);

        Assert.StartsWith(firstLineStart, lines[0], StringComparison.Ordinal);
        Assert.Equal(errorLine, lines[1]);
        // Only those two lines carry a stamp: the rest is the one exception entry that follows.
        Assert.Equal(2, lines.Count(l => l.StartsWith("2024-03-05 ", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_burst_capture_holds_200_client_side_time_wait_rows_to_the_listening_port()
    {
        var lines = RecordedFixture.Lines("ss-burst.txt");

        Assert.Equal("Tue Mar  5 10:32:03 UTC 2024", lines[0]);
        Assert.Equal("State     Recv-Q Send-Q Local Address:Port  Peer Address:Port Process", lines[1]);
        var listen = Columns(lines[2]);
        Assert.Equal("LISTEN", listen[0]);
        string serverEndpoint = listen[3];
        var timeWait = lines.Skip(3).Select(Columns).ToList();
        Assert.Equal(200, timeWait.Count);
        Assert.All(timeWait, row =>
        {
            Assert.Equal("TIME-WAIT", row[0]);
            Assert.StartsWith("127.0.0.1:", row[3], StringComparison.Ordinal);
            Assert.Equal(serverEndpoint, row[4]);
        });
        Assert.Equal(200, timeWait.Select(row => row[3]).Distinct().Count());
    }

    [Fact]
    public void No_recording_holds_a_password_or_a_connection_string()
    {
        Assert.All(RecordedFixture.Outputs(), name =>
        {
            string text = RecordedFixture.Read(name);
            foreach (Match m in PasswordAssignment().Matches(text))
                Assert.Equal(FakePassword, m.Groups["value"].Value);
            // The drivers never echo the connection string, so not even the fake one shows up.
            Assert.DoesNotContain(FakePassword, text, StringComparison.Ordinal);
            Assert.Equal(text, LogCorrelator.Text.Redactor.Redact(text));
        });
    }

    [Fact]
    public void Source_paths_in_stack_traces_are_the_recorders_own()
    {
        // Python names each frame's file; .NET adds " in FILE:line N" where it has line info.
        var paths = RecordedFixture.Outputs()
            .SelectMany(name => SourcePath().Matches(RecordedFixture.Read(name)))
            .Select(m => m.Groups["path"].Value)
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(["/opt/orders-app/orders_job.py", "/src/SqlClientProbe/Program.cs"], paths);
    }

    private static string[] Columns(string row) => row.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex("""(?:File "| in )(?<path>/[^"\s:]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex SourcePath();

    [GeneratedRegex("""\b(?:password|pwd)\s*[=:]\s*(?<value>[^;'"\s)]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordAssignment();
}
