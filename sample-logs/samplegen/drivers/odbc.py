"""System.Data.Odbc (ODBC Driver 17, SQL Server Native Client) and OLE DB exceptions as .NET prints them."""

def odbc_exception(records, app_frames, netfx=True):
    """System.Data.Odbc.OdbcException: one 'ERROR [state] text' per diagnostic record, records separated by CRLF."""
    msg = []
    for i, (state, text) in enumerate(records):
        part = "ERROR [%s] %s" % (state, text)
        msg.extend(part.split("\n"))
    first = "System.Data.Odbc.OdbcException (0x80131937): " + msg[0]
    lines = [first] + msg[1:]
    lines += ["   at System.Data.Odbc.OdbcConnection.HandleError(OdbcHandle hrHandle, RetCode retcode)"]
    return lines, ["   " + f for f in app_frames]


ODBC17 = "[Microsoft][ODBC Driver 17 for SQL Server]"
SNAC11 = "[Microsoft][SQL Server Native Client 11.0]"


def odbc17_reset(app_frames):
    # The driver's own text ends with CRLF before the native error: the blank line in the middle is real.
    records = [("08S01", ODBC17 + "TCP Provider: An existing connection was forcibly closed by the remote host.\n"),
               ("08S01", ODBC17 + "Communication link failure")]
    head, frames = odbc_exception(records, app_frames)
    return head + ["   at System.Data.Odbc.OdbcCommand.ExecuteReaderObject(CommandBehavior behavior, String method, Boolean "
                   "needReader, Object[] methodArguments, SQL_API odbcApiMethod)",
                   "   at System.Data.Odbc.OdbcCommand.ExecuteReaderObject(CommandBehavior behavior, String method, Boolean needReader)",
                   "   at System.Data.Odbc.OdbcCommand.ExecuteReader(CommandBehavior behavior)",
                   "   at System.Data.Odbc.OdbcCommand.ExecuteReader()"] + frames


def snac_link_failure(app_frames):
    head, frames = odbc_exception([("08S01", "[Microsoft][SQL Native Client]Communication link failure")], app_frames)
    return head + ["   at System.Data.Odbc.OdbcCommand.ExecuteReaderObject(CommandBehavior behavior, String method, Boolean "
                   "needReader, Object[] methodArguments, SQL_API odbcApiMethod)",
                   "   at System.Data.Odbc.OdbcCommand.ExecuteNonQuery()"] + frames


def snac_port_exhaustion(app_frames):
    records = [("08001", SNAC11 + "TCP Provider: Only one usage of each socket address (protocol/network address/port) is normally permitted.\n"),
               ("HYT00", SNAC11 + "Login timeout expired"),
               ("08001", SNAC11 + "A network-related or instance-specific error has occurred while establishing a connection to SQL "
                "Server. Server is not found or not accessible. Check if instance name is correct and if SQL Server is configured to "
                "allow remote connections. For more information see SQL Server Books Online.")]
    head, frames = odbc_exception(records, app_frames)
    return head + ["   at System.Data.Odbc.OdbcConnectionHandle..ctor(OdbcConnection connection, OdbcConnectionString constr, "
                   "OdbcEnvironmentHandle environmentHandle)",
                   "   at System.Data.Odbc.OdbcConnectionFactory.CreateConnection(DbConnectionOptions options, DbConnectionPoolKey "
                   "poolKey, Object poolGroupProviderInfo, DbConnectionPool pool, DbConnection owningObject)",
                   "   at System.Data.ProviderBase.DbConnectionFactory.CreateNonPooledConnection(DbConnection owningConnection, "
                   "DbConnectionPoolGroup poolGroup, DbConnectionOptions userOptions)",
                   "   at System.Data.ProviderBase.DbConnectionFactory.TryGetConnection(DbConnection owningConnection, "
                   "TaskCompletionSource`1 retry, DbConnectionOptions userOptions, DbConnectionInternal oldConnection, "
                   "DbConnectionInternal& connection)",
                   "   at System.Data.ProviderBase.DbConnectionInternal.TryOpenConnectionInternal(DbConnection outerConnection, "
                   "DbConnectionFactory connectionFactory, TaskCompletionSource`1 retry, DbConnectionOptions userOptions)",
                   "   at System.Data.Odbc.OdbcConnection.Open()"] + frames


def snac_query_timeout(app_frames):
    head, frames = odbc_exception([("HYT00", SNAC11 + "Query timeout expired")], app_frames)
    return head + ["   at System.Data.Odbc.OdbcCommand.ExecuteReaderObject(CommandBehavior behavior, String method, Boolean "
                   "needReader, Object[] methodArguments, SQL_API odbcApiMethod)",
                   "   at System.Data.Odbc.OdbcCommand.ExecuteReader(CommandBehavior behavior)"] + frames


def oledb_does_not_exist(app_frames):
    return (["System.Data.OleDb.OleDbException (0x80004005): [DBNETLIB][ConnectionOpen (Connect()).]SQL Server does not exist or "
             "access denied.",
             "   at System.Data.OleDb.OleDbConnectionInternal..ctor(OleDbConnectionString constr, OleDbConnection connection)",
             "   at System.Data.OleDb.OleDbConnectionFactory.CreateConnection(DbConnectionOptions options, DbConnectionPoolKey "
             "poolKey, Object poolGroupProviderInfo, DbConnectionPool pool, DbConnection owningObject)",
             "   at System.Data.ProviderBase.DbConnectionFactory.CreateConnection(DbConnectionOptions options, DbConnectionPoolKey "
             "poolKey, Object poolGroupProviderInfo, DbConnectionPool pool, DbConnection owningConnection, DbConnectionOptions userOptions)",
             "   at System.Data.ProviderBase.DbConnectionFactory.CreateNonPooledConnection(DbConnection owningConnection, "
             "DbConnectionPoolGroup poolGroup, DbConnectionOptions userOptions)",
             "   at System.Data.ProviderBase.DbConnectionFactory.TryGetConnection(DbConnection owningConnection, "
             "TaskCompletionSource`1 retry, DbConnectionOptions userOptions, DbConnectionInternal oldConnection, "
             "DbConnectionInternal& connection)",
             "   at System.Data.ProviderBase.DbConnectionInternal.TryOpenConnectionInternal(DbConnection outerConnection, "
             "DbConnectionFactory connectionFactory, TaskCompletionSource`1 retry, DbConnectionOptions userOptions)",
             "   at System.Data.ProviderBase.DbConnectionClosed.TryOpenConnection(DbConnection outerConnection, DbConnectionFactory "
             "connectionFactory, TaskCompletionSource`1 retry, DbConnectionOptions userOptions)",
             "   at System.Data.OleDb.OleDbConnection.Open()"]
            + ["   " + f for f in app_frames])
