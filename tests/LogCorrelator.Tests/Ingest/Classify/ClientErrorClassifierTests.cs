using LogCorrelator.Ingest.Classify;
using LogCorrelator.Text;

namespace LogCorrelator.Tests.Ingest.Classify;

public sealed class ClientErrorClassifierTests
{
    // Texts from the seeds, from Microsoft.Data.SqlClient 2.1.4 recorded on Linux against loopback
    // faults, and the usual Windows, ODBC and JDBC wordings. Expected: code, SQLSTATE, errno.
    public static TheoryData<string, int?, string?, int?> Known => new()
    {
        // seed 000, error message 3
        { "System.Data.SqlClient.SqlException: A transport-level error has occurred when sending the request to the server. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)", 10054, null, null },
        // seed 000, error message 2
        { "ERROR [08S01] [Microsoft][SQL Native Client]Communication link failure", null, "08S01", null },
        // seed 000, error message 1: recognised, but DBNETLIB states no number
        { "[Microsoft][ODBC SQL Server Driver][DBNETLIB] General Network error. Check your network documentation", null, null, null },
        // seed 000, pyodbc: the 01000 warning yields to the 08S01 error, whose record states native error 11
        { "'[01000] [Microsoft][ODBC SQL Server Driver][DBNETLIB]ConnectionRead (recv()). (65534) (SQLExecDirectW); [08S01] [Microsoft][ODBC SQL Server Driver][DBNETLIB]General network error. Check your network documentation. (11)'", 11, "08S01", null },
        // seed 001, SSMS
        { "Msg 10054, Level 20, State 0, Line 0\nA transport-level error has occurred when sending the request to the server. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)", 10054, null, null },
        // seed 001, SQLCMD: 0x2746 is 10054, and "Communication link failure" is ODBC's text for 08S01
        { "HResult 0x2746, Level 16, State 1\nTCP Provider: An existing connection was forcibly closed by the remote host.\nSqlcmd: Error: Microsoft SQL Native Client : Communication link failure.", 10054, "08S01", null },
        // seed 002, JDBC on Windows: the ": socket write error" suffix is the Windows JDK's
        { "com.microsoft.sqlserver.jdbc.SQLServerException: Connection reset by peer: socket write error", 10054, null, null },
        // seed 003
        { "TCP Provider: Only one usage of each socket address (protocol/network address/port) is normally permitted.", 10048, null, null },
        { "[08001] [Microsoft][ODBC SQL Server Driver][DBNETLIB]SQL Server does not exist or access denied. (17) (SQLDriverConnect)", 17, "08001", null },
        // SqlClient on Windows states its number
        { "Microsoft.Data.SqlClient.SqlException (0x80131904): A transport-level error has occurred when receiving results from the server. (provider: TCP Provider, error: 0 - The semaphore timeout period has expired.)\nError Number:121,State:0,Class:20", 121, null, null },
        { "Microsoft.Data.SqlClient.SqlException (0x80131904): A transport-level error has occurred when receiving results from the server. (provider: TCP Provider, error: 0 - The semaphore timeout period has expired.)", 121, null, null },
        { "Microsoft.Data.SqlClient.SqlException (0x80131904): Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.\n ---> System.ComponentModel.Win32Exception (258): The wait operation timed out.", -2, null, null },
        { "Microsoft.Data.SqlClient.SqlException (0x80131904): A transport-level error has occurred when sending the request to the server. (provider: TCP Provider, error: 0 - An established connection was aborted by the software in your host machine.)", 10053, null, null },
        { "System.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible. Verify that the instance name is correct and that SQL Server is configured to allow remote connections. (provider: Named Pipes Provider, error: 40 - Could not open a connection to SQL Server)\n ---> System.ComponentModel.Win32Exception (0x80004005): The network path was not found\nError Number:53,State:0,Class:20", 53, null, null },
        { "Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server. (provider: TCP Provider, error: 0 - No connection could be made because the target machine actively refused it.)", 10061, null, null },
        { "Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server. (provider: SQL Network Interfaces, error: 26 - Error Locating Server/Instance Specified)", -1, null, null },
        { "Microsoft.Data.SqlClient.SqlException (0x80131904): A transport-level error has occurred when sending the request to the server. (provider: Shared Memory Provider, error: 0 - No process is on the other end of the pipe.)", 233, null, null },
        { "Cannot connect to SQLPROD01.\nA network-related or instance-specific error occurred while establishing a connection to SQL Server. (Microsoft SQL Server, Error: 53)", 53, null, null },
        { "Microsoft.Data.SqlClient.SqlException (0x80131904): The INSERT statement conflicted with the FOREIGN KEY constraint \"FK_Orders_Customers\".\nError Number:547,State:0,Class:16", 547, null, null },
        { "Microsoft.Data.SqlClient.SqlException (0x80131904): A severe error occurred on the current command.  The results, if any, should be discarded.", null, null, null },
        // recorded on Linux: managed SNI says Number 0 and no "Error Number:" line, the phrase decides
        { "Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible. Verify that the instance name is correct and that SQL Server is configured to allow remote connections. (provider: TCP Provider, error: 40 - Could not open a connection to SQL Server: Could not open a connection to SQL Server)\nClientConnectionId:00000000-0000-0000-0000-000000000000", 53, null, null },
        { "Microsoft.Data.SqlClient.SqlException (0x80131904): The client was unable to establish a connection because of an error during connection initialization process before login. (provider: TCP Provider, error: 35 - An internal exception was caught)\n ---> System.IO.IOException: Unable to write data to the transport connection: Connection reset by peer.\n ---> System.Net.Sockets.SocketException (104): Connection reset by peer", 10054, null, 104 },
        { "Microsoft.Data.SqlClient.SqlException (0x80131904): Connection Timeout Expired.  The timeout period elapsed while attempting to consume the pre-login handshake acknowledgement.\n ---> System.ComponentModel.Win32Exception (258): Unknown error 258\nError Number:-2,State:0,Class:11", -2, null, null },
        { "Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server. (provider: TCP Provider, error: 35 - An internal exception was caught)\n ---> System.Net.Sockets.SocketException (00000005, 0xFFFDFFFF): Name or service not known", 11001, null, null },
        { "Microsoft.Data.SqlClient.SqlException (0x80131904): A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 0 - Success)", null, null, null },
        // pool exhaustion is not a command timeout
        { "System.InvalidOperationException: Timeout expired.  The timeout period elapsed prior to obtaining a connection from the pool.  This may have occurred because all pooled connections were in use and max pool size was reached.\n   at Microsoft.Data.SqlClient.SqlConnection.Open()", null, null, null },
        // ODBC and JDBC
        { "pyodbc.InterfaceError: ('28000', \"[28000] [Microsoft][ODBC Driver 17 for SQL Server][SQL Server]Login failed for user 'orders_app'. (18456) (SQLDriverConnect)\")", 18456, "28000", null },
        { "pyodbc.OperationalError: ('08S01', '[08S01] [Microsoft][ODBC Driver 18 for SQL Server]TCP Provider: Error code 0x68 (104) (SQLExecDirectW)')", 10054, "08S01", 104 },
        { "[08S01] [Microsoft][ODBC Driver 17 for SQL Server]TCP Provider: Error code 0x2746 (10054) (SQLExecDirectW)", 10054, "08S01", null },
        { "Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server. (provider: TCP Provider, error: 35 - An internal exception was caught)\n ---> System.Net.Sockets.SocketException (99): Cannot assign requested address", 10048, null, 99 },
        // jTDS: the state is 08S01 for every I/O failure (recorded with getSQLState()), though the trace never prints it
        { "java.sql.SQLException: I/O Error: Connection reset\n\tat net.sourceforge.jtds.jdbc.TdsCore.executeSQL(TdsCore.java:1093)", 10054, "08S01", null },
        { "java.sql.SQLException: Network error IOException: Connection refused\n\tat net.sourceforge.jtds.jdbc.JtdsConnection.<init>(JtdsConnection.java:437)", 10061, "08S01", 111 },
        { "com.microsoft.sqlserver.jdbc.SQLServerException: The TCP/IP connection to the host sqlprod01, port 1433 has failed. Error: \"Connection refused: connect. Verify the connection properties.\"", 10061, null, null },
        { "com.microsoft.sqlserver.jdbc.SQLServerException: The TCP/IP connection to the host sqlprod01, port 1433 has failed. Error: \"Connection refused. Verify the connection properties.\"", 10061, null, 111 },
        { "com.microsoft.sqlserver.jdbc.SQLServerException: The TCP/IP connection to the host sqlprod01, port 1433 has failed. Error: \"Connection timed out. Verify the connection properties.\"", 10060, null, 110 },
        { "java.sql.SQLNonTransientConnectionException: I/O Error: Connection reset by peer, SQLState: 08S01", 10054, "08S01", 104 },
        { "[unixODBC][FreeTDS][SQL Server]Unable to connect: Adaptive Server is unavailable or does not exist SQLSTATE=08S01", null, "08S01", null },
        // ODBC native errors: the record of the chosen SQLSTATE decides, by phrase, else by its native error
        { "pyodbc.OperationalError: ('08S01', '[08S01] [FreeTDS][SQL Server]Unable to connect: Adaptive Server is unavailable or does not exist (20009) (SQLDriverConnect)')", 20009, "08S01", null },
        { "pyodbc.OperationalError: ('08001', '[08001] [FreeTDS][SQL Server]Unable to connect to data source (0) (SQLDriverConnect)')", null, "08001", null },
        { "pyodbc.OperationalError: ('HYT00', '[HYT00] [FreeTDS][SQL Server]Timeout expired (0) (SQLDriverConnect)')", -2, "HYT00", null },
        { "pyodbc.OperationalError: ('08S01', '[08S01] [Microsoft][ODBC Driver 17 for SQL Server]TCP Provider: An existing connection was forcibly closed by the remote host.\\r\\n (10054) (SQLExecDirectW)')", 10054, "08S01", null },
        { "pyodbc.OperationalError: ('08S01', '[08S01] [Microsoft][ODBC Driver 17 for SQL Server]Communication link failure (0) (SQLExecDirectW); [08S01] [Microsoft][ODBC Driver 17 for SQL Server]TCP Provider: An existing connection was forcibly closed by the remote host.\\r\\n (10054) (SQLExecDirectW)')", 10054, "08S01", null },
        { "\t\tDIAG [08001] [Microsoft][ODBC Driver 17 for SQL Server]TCP Provider: No connection could be made because the target machine actively refused it.\n (10061) \n\n\t\tDIAG [HYT00] [Microsoft][ODBC Driver 17 for SQL Server]Login timeout expired (0) ", 10061, "08001", null },
        { "\t\tDIAG [08S01] [Microsoft][ODBC Driver 17 for SQL Server]Communication link failure (10054) ", 10054, "08S01", null },
        { "SQLExecDirect failed: SQLSTATE=08S01 NativeError=11 [Microsoft][ODBC SQL Server Driver][DBNETLIB]General network error. Check your network documentation.", 11, "08S01", null },
        { "System.Data.Odbc.OdbcException (0x80131937): ERROR [08001] [Microsoft][ODBC Driver 17 for SQL Server]TCP Provider: No connection could be made because the target machine actively refused it.\n\nERROR [HYT00] [Microsoft][ODBC Driver 17 for SQL Server]Login timeout expired", 10061, "08001", null },
        // HikariCP and Spring name the state in their own words
        { "HikariPool-1 - Connection ConnectionID:12 ClientConnectionId: 7a5c6ab4-2f1e-4d0b-9b6c-3e8f1a2d4c5b marked as broken because of SQLSTATE(08S01), ErrorCode(0)\ncom.microsoft.sqlserver.jdbc.SQLServerException: Connection reset", 10054, "08S01", null },
        { "org.springframework.dao.DataAccessResourceFailureException: PreparedStatementCallback; SQL [select 1]; SQL state [08S01]; error code [0]; Connection reset; nested exception is com.microsoft.sqlserver.jdbc.SQLServerException: Connection reset", 10054, "08S01", null },
    };

    [Theory]
    [MemberData(nameof(Known))]
    public void Each_known_text_yields_its_code_sqlstate_and_errno(string text, int? code, string? sqlState, int? errno)
    {
        Assert.True(ClientErrorClassifier.TryClassify(text, new NamePool(), out ClientError error));
        Assert.Equal(code, error.Code);
        Assert.Equal(sqlState, error.SqlState);
        Assert.Equal(errno, error.Errno);
    }

    [Theory]
    // An HTTP client's reset is a network error, not a database one.
    [InlineData("System.Net.Http.HttpRequestException: An error occurred while sending the request.\n ---> System.IO.IOException: Unable to read data from the transport connection: An existing connection was forcibly closed by the remote host.\n ---> System.Net.Sockets.SocketException (10054): An existing connection was forcibly closed by the remote host.")]
    [InlineData("System.NullReferenceException: Object reference not set to an instance of an object.\n   at Orders.Api.Controllers.CustomersController.GetSummary(Int32 id)")]
    [InlineData("Database: SQL Server SQLPROD01, catalog Orders, pool size 200")]
    [InlineData("Connection string: Data Source=SQLPROD01;Initial Catalog=Orders;User ID=orders_app;Password=S3cr3t!;")]
    [InlineData("2024-03-05 11:32:15,123 [12345] ERROR ODBC export finished with warnings")]
    [InlineData("HTTP GET /api/orders/48377 responded 500 in 4.1198 ms")]
    public void Other_texts_are_no_client_error(string text) =>
        Assert.False(ClientErrorClassifier.TryClassify(text, new NamePool(), out _));

    [Theory]
    [InlineData("Caused by: java.net.SocketException: Connection reset\n\tat java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:328)", 10054, null)]
    [InlineData("Caused by: java.net.ConnectException: Connection refused\n\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)", 10061, 111)]
    public void A_cause_decides_its_code_without_driver_context(string part, int code, int? errno)
    {
        Assert.True(ClientErrorClassifier.TryDecideCode(part, out int? decided, out int? decidedErrno));
        Assert.Equal((code, errno), (decided, decidedErrno));
    }

    [Fact]
    public void A_cause_with_no_known_phrase_decides_nothing() =>
        Assert.False(ClientErrorClassifier.TryDecideCode("Caused by: java.io.IOException: DB server closed connection.", out _, out _));

    [Fact]
    public void The_connection_id_and_errno_go_to_extra()
    {
        const string text = "Microsoft.Data.SqlClient.SqlException (0x80131904): A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 35 - An internal exception was caught)\n ---> System.Net.Sockets.SocketException (104): Connection reset by peer\nClientConnectionId:2235921f-b6d0-4695-8ed2-75255226c95a";
        Assert.True(ClientErrorClassifier.TryClassify(text, new NamePool(), out ClientError error));
        Assert.Equal("2235921f-b6d0-4695-8ed2-75255226c95a", error.ConnectionId);
        Assert.Equal("ccid=2235921f-b6d0-4695-8ed2-75255226c95a; errno=104; code=implied", error.Extra());
    }

    [Fact]
    public void An_all_zero_connection_id_identifies_nothing()
    {
        const string text = "Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server.\nClientConnectionId:00000000-0000-0000-0000-000000000000";
        Assert.True(ClientErrorClassifier.TryClassify(text, new NamePool(), out ClientError error));
        Assert.Null(error.ConnectionId);
        Assert.Null(error.Extra());
    }

    [Fact]
    public void The_same_sqlstate_is_one_interned_string()
    {
        var names = new NamePool();
        ClientErrorClassifier.TryClassify("[08S01] [Microsoft][ODBC Driver 17 for SQL Server]Communication link failure", names, out ClientError a);
        ClientErrorClassifier.TryClassify("SQLSTATE=08S01 [FreeTDS] lost", names, out ClientError b);
        Assert.Same(a.SqlState, b.SqlState);
    }

    [Fact]
    public void Every_driver_context_word_passes_the_cheap_anchor_test()
    {
        foreach (string word in ClientErrorClassifier.DriverContextWords)
            Assert.True(ClientErrorClassifier.HasHint(word), word);
    }

    [Fact]
    public void Every_rule_names_its_source_and_no_phrase_is_shadowed_by_an_earlier_one()
    {
        var rules = ClientErrorRules.All;
        for (int i = 0; i < rules.Count; i++)
        {
            Assert.False(string.IsNullOrWhiteSpace(rules[i].Source));
            for (int j = 0; j < i; j++)
            {
                bool shadowed = rules[i].Phrase.Contains(rules[j].Phrase, StringComparison.OrdinalIgnoreCase)
                    && rules[j].DecidesCode && rules[i].DecidesCode;
                Assert.False(shadowed, $"'{rules[i].Phrase}' can never decide: '{rules[j].Phrase}' comes first");
            }
        }
    }
}
