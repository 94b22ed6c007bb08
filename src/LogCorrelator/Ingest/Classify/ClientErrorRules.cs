namespace LogCorrelator.Ingest.Classify;

/// <summary>
/// The one table of driver phrases the classifier knows, in precedence order: when several match,
/// the first row that decides a code wins. A number the text states itself (SqlClient's
/// <c>Error Number:</c>, SSMS's <c>Msg N</c>, SQLCMD's <c>HResult 0x2746</c>) wins over every row.
/// </summary>
/// <remarks>
/// Codes are the Windows numbers SqlClient reports as <c>SqlException.Number</c> on Windows, so a
/// query on 10054 finds the same failure whichever OS or driver saw it. Linux texts keep their
/// errno beside the code. "recorded" means the text was produced here by Microsoft.Data.SqlClient
/// 2.1.4 or 7.1.2 on Linux against a loopback socket that refused, reset, closed or stayed silent;
/// managed SNI reports <c>Number</c> 0 for those, so the phrase is all there is to go on.
/// </remarks>
internal static class ClientErrorRules
{
    private static ClientErrorRule Code(string phrase, int code, string source) => new(phrase, code, true, null, null, source);
    private static ClientErrorRule Errno(string phrase, int code, int errno, string source) => new(phrase, code, true, null, errno, source);
    private static ClientErrorRule Hex(string phrase, int code, int? errno, string source) => new(phrase, code, true, null, errno, source, Printed: true);
    private static ClientErrorRule NoCode(string phrase, string source) => new(phrase, null, true, null, null, source);
    private static ClientErrorRule Known(string phrase, string source) => new(phrase, null, false, null, null, source);
    private static ClientErrorRule State(string phrase, string sqlState, string source) => new(phrase, null, false, sqlState, null, source);
    private static ClientErrorRule Library(string phrase, int number, string source) => new(phrase, null, false, null, null, source, number);

    public static IReadOnlyList<ClientErrorRule> All { get; } =
    [
        // Server-side refusals first: they are not transport errors and rules must tell them apart.
        Code("Login failed for user", 18456, "SQL Server error 18456 (seed 003, ERRORLOG 'Error: 18456'); ODBC and SqlClient quote the server's text"),
        Code("SQL Server does not exist or access denied", 17, "DBNETLIB ConnectionOpen, ODBC native error 17 (seed 003)"),

        // Timeouts. The pool's timeout is the application running out of pooled connections,
        // raised as InvalidOperationException with no number: it must not read as -2.
        NoCode("prior to obtaining a connection from the pool", "SqlClient pool exhaustion (InvalidOperationException, no number)"),
        Code("Timeout expired", -2, "SqlClient TIMEOUT_EXPIRED: Execution/Connection Timeout Expired (recorded: Number -2); ODBC Query/Login timeout expired (HYT00/HYT01); seed 003"),
        Code("semaphore timeout period has expired", 121, "Win32 ERROR_SEM_TIMEOUT, SqlClient 'error: 0 - The semaphore timeout period has expired.'"),

        // Winsock and Win32 texts inside '(provider: TCP Provider, error: 0 - ...)', ODBC and JDBC.
        Code("Only one usage of each socket address", 10048, "WSAEADDRINUSE, ephemeral port exhaustion (seed 003)"),
        // Linux runs out of ephemeral ports as EADDRNOTAVAIL: the failure Windows reports as 10048.
        Errno("Cannot assign requested address", 10048, 99, "Linux EADDRNOTAVAIL, ephemeral port exhaustion"),
        Code("established connection was aborted by the software in your host machine", 10053, "WSAECONNABORTED"),
        Code("Software caused connection abort", 10053, "WSAECONNABORTED as the JDK words it"),
        Code("forcibly closed by the remote host", 10054, "WSAECONNRESET (seeds 000, 001)"),
        // The ODBC driver prints the raw socket error in hex: Winsock's on Windows, errno on Linux.
        Hex("Error code 0x2746", 10054, null, "ODBC Driver 17/18 on Windows: 'TCP Provider: Error code 0x2746'"),
        Hex("Error code 0x68", 10054, 104, "ODBC Driver 17/18 on Linux: 'TCP Provider: Error code 0x68 (104)'"),
        Hex("Error code 0x20", 10054, 32, "ODBC Driver 17/18 on Linux: 'TCP Provider: Error code 0x20' (EPIPE: writing to a connection the peer reset)"),
        // The Windows JDK appends ': socket write error' / ': recv failed' to WSAECONNRESET's text.
        Code("Connection reset by peer:", 10054, "WSAECONNRESET as the Windows JDK words it (seed 002, JDBC)"),
        // Linux strerror(ECONNRESET): errno 104, kept as 10054 so a query on 10054 finds Linux clients too.
        Errno("Connection reset by peer", 10054, 104, "Linux ECONNRESET (recorded: SocketException (104), error: 35)"),
        Code("Connection reset", 10054, "the JDK's read-side text for a reset (java.net.SocketException, jTDS 'I/O Error: Connection reset')"),
        Code("actively refused", 10061, "WSAECONNREFUSED"),
        Code("Connection refused:", 10061, "WSAECONNREFUSED as the Windows JDK words it ('Connection refused: connect')"),
        Errno("Connection refused", 10061, 111, "Linux ECONNREFUSED"),
        Code("did not properly respond after a period of time", 10060, "WSAETIMEDOUT"),
        Errno("Connection timed out", 10060, 110, "Linux ETIMEDOUT"),
        Errno("No route to host", 10065, 113, "Linux EHOSTUNREACH; WSAEHOSTUNREACH"),
        Code("The pipe has been ended", 109, "Win32 ERROR_BROKEN_PIPE, Shared Memory / Named Pipes (wild corpus dotnet/073)"),
        Code("The wait operation timed out", 258, "Win32 WAIT_TIMEOUT as SqlClient's connect timeout reports it (wild corpus dotnet/030)"),
        Code("network name is no longer available", 64, "Win32 ERROR_NETNAME_DELETED"),
        Code("No process is on the other end of the pipe", 233, "Win32 ERROR_PIPE_NOT_CONNECTED: the Shared Memory / Named Pipes form of a severed connection"),
        Code("No such host is known", 11001, "WSAHOST_NOT_FOUND"),
        Code("Name or service not known", 11001, "Linux getaddrinfo EAI_NONAME (recorded: error: 35, unknown host)"),
        Code("Error Locating Server/Instance Specified", -1, "SNI error 26: SqlClient and SSMS report Number -1"),
        // SNI error 40 with no OS reason: Windows Named Pipes reports Number 53 (ERROR_BAD_NETPATH,
        // SSMS 'Error: 53'); managed SNI on Linux says only 'error: 40' (recorded: refused port).
        Code("Could not open a connection to SQL Server", 53, "SNI error 40, Named Pipes ERROR_BAD_NETPATH"),
        Code("network path was not found", 53, "Win32 ERROR_BAD_NETPATH"),
        // SqlClient 7.1.2 on Linux says neither 'error: 40' nor the OS reason for a refused port: only the
        // longer sentence, 'error: 35 - An internal exception was caught' and 'SocketException: Success'
        // (recorded). Last of the connect failures, so a stated reason (refused, no such host) still wins;
        // 53 keeps the refused port one code whichever SqlClient saw it.
        Code("The server was not found or was not accessible", 53, "SqlClient connect failure with no OS reason (recorded, 7.1.2: refused port)"),

        // Server errors a client quotes without its number (wild corpus: dotnet/021-024, dotnet/025, jdbc-server/004, 046, 047).
        Code("chosen as the deadlock victim", 1205, "SQL Server error 1205 as SqlClient and mssql-jdbc quote it (wild corpus dotnet/022, jdbc-server/047)"),
        Code("was deadlocked on", 1205, "SQL Server error 1205, first words of its text (wild corpus dotnet/021, cut after them)"),
        Code("Cannot open database", 4060, "SQL Server error 4060 (wild corpus dotnet/025, dotnet/029)"),
        Code("Impossibile aprire il database", 4060, "SQL Server error 4060 in Italian (wild corpus dotnet/026)"),
        Code("SHUTDOWN is in progress", 6005, "SQL Server error 6005 (wild corpus jdbc-server/004)"),

        // The JDK's and other runtimes' words for the same socket failures (wild corpus jdbc-server, native).
        Code("Read timed out", 10060, "java.net.SocketTimeoutException on a read (wild corpus jdbc-server/027, 028)"),
        Code("connect timed out", 10060, "java.net.SocketTimeoutException on connect (wild corpus jdbc-server/006)"),
        Code("Receive timed out", 10060, "java.net.SocketTimeoutException on the SQL Browser's UDP reply (wild corpus jdbc-server/055)"),
        Code("Timed out trying to establish connection", 10060, "ColdFusion/DataDirect connect timeout (wild corpus jdbc-server/054)"),
        Code("ECONNRESET", 10054, "Node.js errno name for a reset (tedious, node-mssql: wild corpus native/033-037)"),
        Code("socket hang up", 10054, "Node.js text for a connection the peer closed (wild corpus jdbc-server/061)"),
        Code("ECONNREFUSED", 10061, "Node.js errno name for a refused connect (wild corpus native/011)"),
        Code("i/o timeout", -2, "Go net deadline exceeded, the client's own timer (wild corpus native/064, native/072)"),
        Code("ETIMEOUT", -2, "tedious ConnectionError code for its own connect timer (wild corpus native/012, 053)"),
        Library("Adaptive Server connection timed out", 20003, "FreeTDS DB-Lib SYBETIME 20003 (wild corpus native/023-025)"),
        Library("Adaptive Server is unavailable or does not exist", 20009, "FreeTDS DB-Lib SYBECONN 20009 (wild corpus native/029)"),
        Library("Adaptive Server connection failed", 20002, "FreeTDS DB-Lib SYBEFCON 20002 (wild corpus native/032)"),
        Library("Read from the server failed", 20004, "FreeTDS DB-Lib SYBEREAD 20004 (wild corpus native/023)"),

        // Windows' and SqlClient's texts in the languages they are printed in (wild corpus world/, dotnet/).
        Code("远程主机强迫关闭了一个现有的连接", 10054, "WSAECONNRESET, zh-CN Windows (wild corpus world/001)"),
        Code("既存の接続はリモート ホストに強制的に切断されました", 10054, "WSAECONNRESET, ja Windows (wild corpus world/014)"),
        Code("Eine vorhandene Verbindung wurde vom Remotehost", 10054, "WSAECONNRESET, de Windows (wild corpus world/015)"),
        Code("連線嘗試失敗，因為連線對象有一段時間並未正確回應", 10060, "WSAETIMEDOUT, zh-TW Windows (wild corpus world/040)"),
        Code("연결된 구성원으로부터 응답이 없어 연결하지 못했거나", 10060, "WSAETIMEDOUT, ko Windows (wild corpus world/036)"),
        Code("対象のコンピューターによって拒否されたため、接続できませんでした", 10061, "WSAECONNREFUSED, ja Windows (wild corpus world/045)"),
        Code("信号灯超时时间已到", 121, "ERROR_SEM_TIMEOUT, zh-CN Windows (wild corpus dotnet/071)"),
        Code("Das Ausführungstimeout ist abgelaufen", -2, "SqlClient execution timeout, de (wild corpus dotnet/072)"),
        Code("Fehler bei der Anmeldung für den Benutzer", 18456, "SQL Server 18456 as a de client prints it (wild corpus world/002, world/005)"),
        Code("はログインできませんでした", 18456, "SQL Server 18456, ja (wild corpus world/006)"),
        Code("Ошибка входа пользователя", 18456, "SQL Server 18456, ru (wild corpus world/008)"),
        Code("Ошибка имени входа пользователя", 18456, "SQL Server 18456, ru, SQL Server 2008 R2 wording (wild corpus world/044)"),
        Code("로그인하지 못했습니다", 18456, "SQL Server 18456, ko (wild corpus world/009)"),
        Code("登录失败", 18456, "SQL Server 18456, zh-CN (wild corpus world/010)"),
        Code("登入失敗", 18456, "SQL Server 18456, zh-TW (wild corpus world/016)"),
        Code("Accesso non riuscito per l'utente", 18456, "SQL Server 18456, it (wild corpus world/013)"),

        // Recognised, but with no number of their own: a stated number or SQLSTATE may still come with them.
        State("Communication link failure", "08S01", "ODBC's text for SQLSTATE 08S01 (seeds 000, 001)"),
        // jTDS wraps every socket failure in one of two SQLExceptions whose getSQLState() is 08S01
        // (recorded: refused, reset, closed after login and silence all say 08S01), but the text
        // printed in a stack trace never shows the state.
        State("Network error IOException:", "08S01", "jTDS 1.3.1 connect failure (recorded: SQLException.getSQLState() 08S01)"),
        State("SQLException: I/O Error:", "08S01", "jTDS 1.3.1 I/O failure on an open socket (recorded: SQLException.getSQLState() 08S01)"),
        Known("General network error", "DBNETLIB (seed 000)"),
        Known("driver: bad connection", "Go database/sql ErrBadConn, a pooled connection the driver found dead (wild corpus native/070)"),
        Known("No event 'socketConnect' in state", "tedious's connection state machine failing on a dead socket (wild corpus native/065)"),
        Known("Could not connect (sequence)", "tedious: every address of the server refused or failed (wild corpus native/066, native/067)"),
        Known("The TCP/IP connection to the host", "mssql-jdbc connect failure, the OS reason after it (wild corpus jdbc-server/006)"),
        Known("Fehler beim Herstellen der TCP/IP-Verbindung", "mssql-jdbc connect failure in German (wild corpus jdbc-server/008)"),
        State("ConnectionWrite (", "08S01", "DBNETLIB's write failure, [DBNETLIB]ConnectionWrite (send()) (wild corpus native/040, native/044)"),
        State("ConnectionRead (", "08S01", "DBNETLIB's read failure, [DBNETLIB]ConnectionRead (recv())"),
        Known("Physical connection is not usable", "SqlClient Session/SMux Provider error 19 (wild corpus dotnet/027, native/016)"),
        Known("A transport-level error has occurred", "SqlClient (seeds 000, 001)"),
        Known("A severe error occurred on the current command", "SqlClient, server-side abort (seed 002)"),
        Known("error occurred during the pre-login handshake", "SqlClient (recorded: closed after pre-login, 'error: 0 - Success')"),
        Known("A network-related or instance-specific error", "SqlClient"),
    ];
}
