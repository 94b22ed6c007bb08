"""SqlException.ToString() of Microsoft.Data.SqlClient and System.Data.SqlClient, the way each runtime prints it."""

WSA_TEXT = {
    10054: "An existing connection was forcibly closed by the remote host",
    10053: "An established connection was aborted by the software in your host machine",
    10061: "No connection could be made because the target machine actively refused it",
    64: "The specified network name is no longer available",
    258: "The wait operation timed out",
}

SEND = "A transport-level error has occurred when sending the request to the server."
RECV = "A transport-level error has occurred when receiving results from the server."
PRELOGIN = ("A connection was successfully established with the server, but then an error occurred during the pre-login "
            "handshake.")
NETWORK = ("A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server "
           "was not found or was not accessible. Verify that the instance name is correct and that SQL Server is configured to "
           "allow remote connections.")
TIMEOUT = "Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding."


def _sqlclient_frames(ns, op, phase):
    """Driver frames, innermost first, for Microsoft.Data.SqlClient (ns='Microsoft') or System.Data.SqlClient (ns='System')."""
    p = "%s.Data.SqlClient" % ns
    rpc_arg = "SqlCommand cmd, IList`1 rpcArray" if ns == "Microsoft" else "_SqlRPC[] rpcArray"
    head = [
        "at %s.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)" % p,
        "at %s.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)" % p,
        "at %s.TdsParser.ThrowExceptionAndWarning(TdsParserStateObject stateObj, Boolean callerHasConnectionLock, Boolean asyncClose)" % p,
    ]
    if phase == "send":
        mid = [
            "at %s.TdsParserStateObject.WriteSni(Boolean canAccumulate)" % p,
            "at %s.TdsParserStateObject.WritePacket(Byte flushMode, Boolean canAccumulate)" % p,
            "at %s.TdsParser.TdsExecuteRPC(%s, Int32 timeout, Boolean inSchema, SqlNotificationRequest notificationRequest, "
            "TdsParserStateObject stateObj, Boolean isCommandProc, Boolean sync, TaskCompletionSource`1 completion, Int32 startRpc, "
            "Int32 startParam)" % (p, rpc_arg),
        ]
    elif phase == "recv":
        mid = [
            "at %s.TdsParserStateObject.ReadSniError(TdsParserStateObject stateObj, UInt32 error)" % p,
            "at %s.TdsParserStateObject.ReadSniSyncOverAsync()" % p,
            "at %s.TdsParserStateObject.TryReadNetworkPacket()" % p,
            "at %s.TdsParserStateObject.TryPrepareBuffer()" % p,
            "at %s.TdsParserStateObject.TryReadByte(Byte& value)" % p,
            "at %s.TdsParser.TryRun(RunBehavior runBehavior, SqlCommand cmdHandler, SqlDataReader dataStream, "
            "BulkCopySimpleResultSet bulkCopyHandler, TdsParserStateObject stateObj, Boolean& dataReady)" % p,
            "at %s.SqlDataReader.TryConsumeMetaData()" % p,
            "at %s.SqlDataReader.get_MetaData()" % p,
            "at %s.SqlCommand.FinishExecuteReader(SqlDataReader ds, RunBehavior runBehavior, String resetOptionsString, "
            "Boolean isInternal, Boolean forDescribeParameterEncryption, Boolean shouldCacheForAlwaysEncrypted)" % p,
        ]
    else:  # timeout: the attention was sent, the parser gives up while running the response
        mid = [
            "at %s.TdsParser.TryRun(RunBehavior runBehavior, SqlCommand cmdHandler, SqlDataReader dataStream, "
            "BulkCopySimpleResultSet bulkCopyHandler, TdsParserStateObject stateObj, Boolean& dataReady)" % p,
            "at %s.SqlDataReader.TryConsumeMetaData()" % p,
            "at %s.SqlDataReader.get_MetaData()" % p,
            "at %s.SqlCommand.FinishExecuteReader(SqlDataReader ds, RunBehavior runBehavior, String resetOptionsString, "
            "Boolean isInternal, Boolean forDescribeParameterEncryption, Boolean shouldCacheForAlwaysEncrypted)" % p,
        ]
    if ns == "Microsoft":
        run = [
            "at %s.SqlCommand.RunExecuteReaderTds(CommandBehavior cmdBehavior, RunBehavior runBehavior, Boolean returnStream, "
            "Boolean isAsync, Int32 timeout, Task& task, Boolean asyncWrite, Boolean inRetry, SqlDataReader ds, "
            "Boolean describeParameterEncryptionRequest)" % p,
            "at %s.SqlCommand.RunExecuteReader(CommandBehavior cmdBehavior, RunBehavior runBehavior, Boolean returnStream, "
            "TaskCompletionSource`1 completion, Int32 timeout, Task& task, Boolean& usedCache, Boolean asyncWrite, Boolean inRetry, "
            "String method)" % p,
        ]
    else:
        run = [
            "at %s.SqlCommand.RunExecuteReaderTds(CommandBehavior cmdBehavior, RunBehavior runBehavior, Boolean returnStream, "
            "Boolean async, Int32 timeout, Task& task, Boolean asyncWrite, Boolean inRetry, SqlDataReader ds, "
            "Boolean describeParameterEncryptionRequest)" % p,
            "at %s.SqlCommand.RunExecuteReader(CommandBehavior cmdBehavior, RunBehavior runBehavior, Boolean returnStream, "
            "String method, TaskCompletionSource`1 completion, Int32 timeout, Task& task, Boolean& usedCache, Boolean asyncWrite, "
            "Boolean inRetry)" % p,
        ]
    if op == "nonquery":
        if ns == "System":
            args = "TaskCompletionSource`1 completion, String methodName, Boolean sendToPipe, Int32 timeout, Boolean& usedCache, " \
                   "Boolean asyncWrite, Boolean inRetry"
        else:
            args = "TaskCompletionSource`1 completion, Boolean sendToPipe, Int32 timeout, Boolean& usedCache, Boolean asyncWrite, " \
                   "Boolean inRetry, String methodName"
        tail = ["at %s.SqlCommand.InternalExecuteNonQuery(%s)" % (p, args), "at %s.SqlCommand.ExecuteNonQuery()" % p]
    else:
        tail = ["at %s.SqlCommand.ExecuteReader(CommandBehavior behavior)" % p,
                "at %s.SqlCommand.ExecuteDbDataReader(CommandBehavior behavior)" % p]
    return head + mid + run + tail


def sqlclient_exception(ns, number, cid, app_frames, op="reader", netfx=None):
    """A SqlException.ToString() the way each runtime prints it, ending with ClientConnectionId and Error Number."""
    netfx = (ns == "System") if netfx is None else netfx
    phase = {10054: "send", 10053: "send", 64: "recv", -2: "timeout"}[number]
    text = {10054: SEND, 10053: SEND, 64: RECV, -2: TIMEOUT}[number]
    win32 = 258 if number == -2 else number
    if number != -2:
        text = provider_error(text, win32)
    cls = 11 if number == -2 else 20
    return sqlexception(ns, text, win32, _sqlclient_frames(ns, op, phase) + app_frames, cid, number, cls, netfx)


def sqlexception(ns, text, win32, frames, cid, number, cls=20, netfx=False):
    """The lines of a SqlException with an inner Win32Exception: .NET Framework puts the inner one on the first line."""
    first = "%s.Data.SqlClient.SqlException (0x80131904): %s" % (ns, text)
    if netfx:
        lines = [first + " ---> System.ComponentModel.Win32Exception (0x80004005): %s" % WSA_TEXT[win32]]
    else:
        lines = [first, " ---> System.ComponentModel.Win32Exception (%d): %s." % (win32, WSA_TEXT[win32])]
    lines.append("   --- End of inner exception stack trace ---")
    lines += ["   " + f if not f.startswith("---") else f for f in frames]
    lines += ["ClientConnectionId:%s" % cid, "Error Number:%d,State:0,Class:%d" % (number, cls)]
    return lines


def provider_error(text, wsa):
    """A driver text with the TCP provider's Winsock error appended, as SqlClient prints it."""
    return "%s (provider: TCP Provider, error: 0 - %s.)" % (text, WSA_TEXT[wsa])


def sqlclient_deadlock(ns, cid, spid, app_frames):
    p = "%s.Data.SqlClient" % ns
    lines = ["%s.SqlException (0x80131904): Transaction (Process ID %d) was deadlocked on lock resources with another process and "
             "has been chosen as the deadlock victim. Rerun the transaction." % (p, spid)]
    lines += ["   at %s.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)" % p,
              "   at %s.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)" % p,
              "   at %s.TdsParser.ThrowExceptionAndWarning(TdsParserStateObject stateObj, Boolean callerHasConnectionLock, Boolean asyncClose)" % p,
              "   at %s.TdsParser.TryRun(RunBehavior runBehavior, SqlCommand cmdHandler, SqlDataReader dataStream, "
              "BulkCopySimpleResultSet bulkCopyHandler, TdsParserStateObject stateObj, Boolean& dataReady)" % p,
              "   at %s.SqlDataReader.TryConsumeMetaData()" % p,
              "   at %s.SqlDataReader.get_MetaData()" % p]
    lines += ["   " + f if not f.startswith("---") else f for f in app_frames]
    lines += ["ClientConnectionId:%s" % cid, "Error Number:1205,State:51,Class:13"]
    return lines


def _open_frames(ns):
    p = "%s.Data" % ns
    q = "%s.Data.SqlClient" % ns
    return [
        "at %s.SqlInternalConnectionTds..ctor(DbConnectionPoolIdentity identity, SqlConnectionString connectionOptions, "
        "SqlCredential credential, Object providerInfo, String newPassword, SecureString newSecurePassword, Boolean "
        "redirectedUserInstance, SqlConnectionString userConnectionOptions, SessionData reconnectSessionData, Boolean "
        "applyTransientFaultHandling, String accessToken, DbConnectionPool pool)" % q,
        "at %s.SqlConnectionFactory.CreateConnection(DbConnectionOptions options, DbConnectionPoolKey poolKey, Object "
        "poolGroupProviderInfo, DbConnectionPool pool, DbConnection owningConnection, DbConnectionOptions userOptions)" % q,
        "at %s.ProviderBase.DbConnectionFactory.CreatePooledConnection(DbConnectionPool pool, DbConnection owningObject, "
        "DbConnectionOptions options, DbConnectionPoolKey poolKey, DbConnectionOptions userOptions)" % p,
        "at %s.ProviderBase.DbConnectionPool.CreateObject(DbConnection owningObject, DbConnectionOptions userOptions, "
        "DbConnectionInternal oldConnection)" % p,
        "at %s.ProviderBase.DbConnectionPool.UserCreateRequest(DbConnection owningObject, DbConnectionOptions userOptions, "
        "DbConnectionInternal oldConnection)" % p,
        "at %s.ProviderBase.DbConnectionPool.TryGetConnection(DbConnection owningObject, UInt32 waitForMultipleObjectsTimeout, "
        "Boolean allowCreate, Boolean onlyOneCheckConnection, DbConnectionOptions userOptions, DbConnectionInternal& connection)" % p,
        "at %s.ProviderBase.DbConnectionPool.TryGetConnection(DbConnection owningObject, TaskCompletionSource`1 retry, "
        "DbConnectionOptions userOptions, DbConnectionInternal& connection)" % p,
        "at %s.ProviderBase.DbConnectionFactory.TryGetConnection(DbConnection owningConnection, TaskCompletionSource`1 retry, "
        "DbConnectionOptions userOptions, DbConnectionInternal oldConnection, DbConnectionInternal& connection)" % p,
        "at %s.ProviderBase.DbConnectionInternal.TryOpenConnectionInternal(DbConnection outerConnection, DbConnectionFactory "
        "connectionFactory, TaskCompletionSource`1 retry, DbConnectionOptions userOptions)" % p,
        "at %s.ProviderBase.DbConnectionClosed.TryOpenConnection(DbConnection outerConnection, DbConnectionFactory "
        "connectionFactory, TaskCompletionSource`1 retry, DbConnectionOptions userOptions)" % p,
        "at %s.SqlConnection.TryOpen(TaskCompletionSource`1 retry%s)" % (q, ", SqlConnectionOverrides overrides" if ns == "Microsoft" else ""),
        "at %s.SqlConnection.Open(%s)" % (q, "SqlConnectionOverrides overrides" if ns == "Microsoft" else ""),
    ]


def sqlclient_open_failure(ns, number, cid, app_frames):
    """Connection-open failures: pre-login reset (10054), refused (10061), 4060 after a failover."""
    p = "%s.Data.SqlClient" % ns
    if number == 4060:
        lines = ['%s.SqlException (0x80131904): Cannot open database "Orders" requested by the login. The login failed.' % p,
                 "Login failed for user 'CORP\\svc-orders'."]
        lines += ["   at %s.SqlInternalConnectionTds.CompleteLogin(Boolean enlistOK)" % p,
                  "   at %s.SqlInternalConnectionTds.AttemptOneLogin(ServerInfo serverInfo, String newPassword, SecureString "
                  "newSecurePassword, Boolean ignoreSniOpenTimeout, TimeoutTimer timeout, Boolean withFailover)" % p,
                  "   at %s.SqlInternalConnectionTds.LoginWithFailover(Boolean useFailoverHost, ServerInfo primaryServerInfo, String "
                  "failoverHost, String newPassword, SecureString newSecurePassword, Boolean redirectedUserInstance, SqlConnectionString "
                  "connectionOptions, SqlCredential credential, TimeoutTimer timeout)" % p,
                  "   at %s.SqlInternalConnectionTds.OpenLoginEnlist(TimeoutTimer timeout, SqlConnectionString connectionOptions, "
                  "SqlCredential credential, String newPassword, SecureString newSecurePassword, Boolean redirectedUserInstance)" % p]
        lines += ["   " + f for f in _open_frames(ns)]
        lines += ["   " + f for f in app_frames]
        lines += ["ClientConnectionId:%s" % cid, "Error Number:4060,State:1,Class:11"]
        return lines
    if number == 10054:
        first = "%s.SqlException (0x80131904): %s (provider: TCP Provider, error: 0 - %s.)" % (p, PRELOGIN, WSA_TEXT[10054])
        inner = [" ---> System.ComponentModel.Win32Exception (10054): %s." % WSA_TEXT[10054]]
        parser = ["   at %s.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)" % p,
                  "   at %s.TdsParser.ThrowExceptionAndWarning(TdsParserStateObject stateObj, Boolean callerHasConnectionLock, Boolean asyncClose)" % p,
                  "   at %s.TdsParserStateObject.ThrowExceptionAndWarning(Boolean callerHasConnectionLock, Boolean asyncClose)" % p,
                  "   at %s.TdsParserStateObject.ReadSniError(TdsParserStateObject stateObj, UInt32 error)" % p,
                  "   at %s.TdsParserStateObject.ReadSniSyncOverAsync()" % p,
                  "   at %s.TdsParserStateObject.TryReadNetworkPacket()" % p,
                  "   at %s.TdsParser.ConsumePreLoginHandshake(SqlAuthenticationMethod authType, Boolean encrypt, Boolean "
                  "trustServerCert, Boolean integratedSecurity, Boolean& marsCapable, Boolean& fedAuthRequired, Boolean tlsFirst, "
                  "String serverCert)" % p]
    else:
        first = "%s.SqlException (0x80131904): %s (provider: TCP Provider, error: 0 - %s.)" % (p, NETWORK, WSA_TEXT[number])
        inner = [" ---> System.ComponentModel.Win32Exception (%d): %s." % (number, WSA_TEXT[number])]
        parser = ["   at %s.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)" % p,
                  "   at %s.TdsParser.ThrowExceptionAndWarning(TdsParserStateObject stateObj, Boolean callerHasConnectionLock, Boolean asyncClose)" % p]
    lines = [first] + inner + ["   --- End of inner exception stack trace ---"] + parser
    lines += ["   at %s.TdsParser.Connect(ServerInfo serverInfo, SqlInternalConnectionTds connHandler, TimeoutTimer timeout, "
              "SqlConnectionString connectionOptions, Boolean withFailover)" % p,
              "   at %s.SqlInternalConnectionTds.AttemptOneLogin(ServerInfo serverInfo, String newPassword, SecureString "
              "newSecurePassword, TimeoutTimer timeout, Boolean withFailover)" % p,
              "   at %s.SqlInternalConnectionTds.LoginNoFailover(ServerInfo serverInfo, String newPassword, SecureString "
              "newSecurePassword, Boolean redirectedUserInstance, SqlConnectionString connectionOptions, SqlCredential credential, "
              "TimeoutTimer timeout)" % p,
              "   at %s.SqlInternalConnectionTds.OpenLoginEnlist(TimeoutTimer timeout, SqlConnectionString connectionOptions, "
              "SqlCredential credential, String newPassword, SecureString newSecurePassword, Boolean redirectedUserInstance)" % p]
    lines += ["   " + f for f in _open_frames(ns)]
    lines += ["   " + f if not f.startswith("---") else f for f in app_frames]
    if number == 10054:
        lines.append("ClientConnectionId:%s" % cid)
    lines.append("Error Number:%d,State:0,Class:20" % number)
    return lines
