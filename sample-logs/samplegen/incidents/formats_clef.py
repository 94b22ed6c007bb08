"""formats-clef: the CLEF log of Orders.Web on WEBAPP02 around the SQLPROD01 restart of incident-restart.

The same incident as sample-logs/incident-restart, seen by a second service: an ASP.NET Core 8 app
logging through Serilog's RenderedCompactJsonFormatter to a file (see formats/clef.py). SQLPROD01
stops at 11:31:50.12Z and starts again at 11:32:04.31Z; the app meets a reset query, a retried send,
a refused connection while the server is down, and a pooled connection severed by the restart.
"""

from ..drivers.sqlclient import NETWORK, provider_error, RECV, SEND, sqlexception
from ..formats.clef import clef_file, event
from ..textfile import write_bytes

FOLDER = "formats-clef"
PATH = "WEBAPP02/Logs/orders-web-20240305.clef"
HOST = "http://webapp02:5000"
BASE = {"MachineName": "WEBAPP02", "Application": "Orders.Web", "EnvironmentName": "Production"}

RECEIVED = provider_error(RECV, 10054)
SENT = provider_error(SEND, 10054)
REFUSED = provider_error(NETWORK, 10061)

READ_STACK = [
    "at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)",
    "at Microsoft.Data.SqlClient.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)",
    "at Microsoft.Data.SqlClient.TdsParser.ThrowExceptionAndWarning(TdsParserStateObject stateObj, SqlCommand command, Boolean callerHasConnectionLock, Boolean asyncClose)",
    "at Microsoft.Data.SqlClient.TdsParserStateObject.ReadSniError(TdsParserStateObject stateObj, UInt32 error)",
    "at Microsoft.Data.SqlClient.TdsParserStateObject.ReadSniSyncOverAsync()",
    "at Microsoft.Data.SqlClient.TdsParserStateObject.TryReadNetworkPacket()",
    "at Microsoft.Data.SqlClient.SqlDataReader.TryConsumeMetaData()",
    "at Microsoft.Data.SqlClient.SqlDataReader.get_MetaData()",
    "at Microsoft.Data.SqlClient.SqlCommand.RunExecuteReaderTds(CommandBehavior cmdBehavior, RunBehavior runBehavior, Boolean returnStream, Boolean isAsync, Int32 timeout, Task& task, Boolean asyncWrite, Boolean inRetry, SqlDataReader ds, Boolean describeParameterEncryptionRequest)",
    "at Microsoft.Data.SqlClient.SqlCommand.ExecuteReader(CommandBehavior behavior)",
    "at Dapper.SqlMapper.QueryImpl[T](IDbConnection cnn, CommandDefinition command, Type effectiveType)+MoveNext() in /_/Dapper/SqlMapper.cs:line 1094",
]
SEND_STACK = [
    "at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)",
    "at Microsoft.Data.SqlClient.TdsParser.ThrowExceptionAndWarning(TdsParserStateObject stateObj, SqlCommand command, Boolean callerHasConnectionLock, Boolean asyncClose)",
    "at Microsoft.Data.SqlClient.TdsParserStateObject.WriteSni(Boolean canAccumulate)",
    "at Microsoft.Data.SqlClient.TdsParserStateObject.WritePacket(Byte flushMode, Boolean canAccumulate)",
    "at Microsoft.Data.SqlClient.TdsParser.TdsExecuteRPC(SqlCommand cmd, _SqlRPC[] rpcArray, Int32 timeout, Boolean inSchema, SqlNotificationRequest notificationRequest, TdsParserStateObject stateObj, Boolean isCommandProc, Boolean sync, TaskCompletionSource`1 completion, Int32 startRpc, Int32 startParam)",
    "at Microsoft.Data.SqlClient.SqlCommand.RunExecuteReaderTds(CommandBehavior cmdBehavior, RunBehavior runBehavior, Boolean returnStream, Boolean isAsync, Int32 timeout, Task& task, Boolean asyncWrite, Boolean inRetry, SqlDataReader ds, Boolean describeParameterEncryptionRequest)",
    "at Microsoft.Data.SqlClient.SqlCommand.ExecuteScalar()",
]
OPEN_STACK = [
    "at Microsoft.Data.SqlClient.SqlInternalConnectionTds..ctor(DbConnectionPoolIdentity identity, SqlConnectionString connectionOptions, SqlCredential credential, Object providerInfo, String newPassword, SecureString newSecurePassword, Boolean redirectedUserInstance, SqlConnectionString userConnectionOptions, SessionData reconnectSessionData, Boolean applyTransientFaultHandling, String accessToken, DbConnectionPool pool)",
    "at Microsoft.Data.SqlClient.SqlConnectionFactory.CreateConnection(DbConnectionOptions options, DbConnectionPoolKey poolKey, Object poolGroupProviderInfo, DbConnectionPool pool, DbConnection owningConnection, DbConnectionOptions userOptions)",
    "at Microsoft.Data.ProviderBase.DbConnectionPool.CreateObject(DbConnection owningObject, DbConnectionOptions userOptions, DbConnectionInternal oldConnection)",
    "at Microsoft.Data.ProviderBase.DbConnectionPool.TryGetConnection(DbConnection owningObject, UInt32 waitForMultipleObjectsTimeout, Boolean allowCreate, Boolean onlyOneCheckConnection, DbConnectionOptions userOptions, DbConnectionInternal& connection)",
    "at Microsoft.Data.SqlClient.SqlConnection.TryOpen(TaskCompletionSource`1 retry, SqlConnectionOverrides overrides)",
    "at Microsoft.Data.SqlClient.SqlConnection.Open()",
]


def sql_exception(message, win32, stack, app_frames, ccid, number):
    """The exception as `@x` holds it: one string, CRLF between the lines."""
    return "\r\n".join(sqlexception("Microsoft", message, win32, stack + app_frames, ccid, number))


def app_event(t, message, template_id, level=None, exception=None, **props):
    return event(t, message, template_id, level, exception, enrich=BASE, **props)


def finished(t, method, path, status, length, content_type, ms, request_id, trace):
    return app_event(t, f"Request finished HTTP/1.1 {method} {HOST}{path} - {status} {length} {content_type} {ms}ms", "74253ad3",
                 **{"@tr": trace, "@sp": trace[:16]},
                 ElapsedMilliseconds=float(ms), StatusCode=status, ContentType=None if content_type == "null" else content_type,
                 ContentLength=None if length == "null" else int(length), Protocol="HTTP/1.1", Method=method, Scheme="http",
                 Host="webapp02:5000", PathBase="", Path=path, QueryString="",
                 EventId={"Id": 2, "Name": "RequestFinished"}, SourceContext="Microsoft.AspNetCore.Hosting.Diagnostics",
                 RequestId=request_id, RequestPath=path, ConnectionId=request_id.split(":")[0])


def unhandled(t, path, exception, request_id, trace):
    return app_event(t, "An unhandled exception has occurred while executing the request.", "d6d2a7c4", "Error", exception,
                 **{"@tr": trace, "@sp": trace[:16]},
                 EventId={"Id": 1, "Name": "UnhandledException"},
                 SourceContext="Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware",
                 RequestId=request_id, RequestPath=path, ConnectionId=request_id.split(":")[0])


EVENTS = [
    finished("2024-03-05T11:28:05.3872214Z", "GET", "/health/live", 200, "null", "text/plain", "0.4821", "0HN1V6Q3T4K2L:00000031", "3e1b7f0c9d2a48e5b6c7d8e9f0a1b2c3"),
    finished("2024-03-05T11:28:41.2218339Z", "GET", "/api/orders/48102", 200, "null", "application/json; charset=utf-8", "18.2240", "0HN1V6Q3T4K2M:00000002", "5a0c2e4f6b8d4a1c9e3f5b7d9a1c3e5f"),
    app_event("2024-03-05T11:29:30.0041182Z", 'Slow query for customer "ACME GmbH" took 2412 ms (threshold 2000 ms)', "1f8c3b2e", "Warning",
          CustomerName="ACME GmbH", ElapsedMilliseconds=2412, ThresholdMilliseconds=2000,
          SourceContext="Orders.Web.Data.CustomerRepository", RequestPath="/api/customers/1187/orders"),
    finished("2024-03-05T11:30:05.1120046Z", "GET", "/health/live", 200, "null", "text/plain", "0.3977", "0HN1V6Q3T4K2L:00000032", "7c2e4a6b8d0f4c2e8a4b6d8f0a2c4e6b"),
    app_event("2024-03-05T11:30:47.6603158Z", "Storing keys in a directory 'D:\\apps\\orders-web\\keys' that may not be persisted outside of the container. Protected data will be unavailable when container is destroyed.",
          "2a7b9c1d", "Warning", SourceContext="Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository",
          EventId={"Id": 60, "Name": "UsingEphemeralFileSystemLocationInContainer"}, path="D:\\apps\\orders-web\\keys"),
    finished("2024-03-05T11:31:05.0917723Z", "GET", "/health/live", 200, "null", "text/plain", "0.5120", "0HN1V6Q3T4K2L:00000033", "9e4a6c8e0b2d4e6a8c0e2b4d6f8a0c2e"),
    unhandled("2024-03-05T11:31:50.4406128Z", "/api/orders/48213",
              sql_exception(RECEIVED, 10054, READ_STACK,
                            ["at Orders.Web.Data.OrderRepository.GetOrderAsync(Int32 id, CancellationToken cancellationToken) in D:\\a\\orders-web\\src\\Orders.Web\\Data\\OrderRepository.cs:line 41",
                             "at Orders.Web.Controllers.OrdersController.Get(Int32 id, CancellationToken cancellationToken) in D:\\a\\orders-web\\src\\Orders.Web\\Controllers\\OrdersController.cs:line 28"],
                            "8d3f6a21-5c7e-4b90-a1d4-2e6f8b0c3d57", 10054),
              "0HN1V6Q3T4K2N:00000004", "b1d3f5a7c9e14b3d5f7a9c1e3b5d7f9a"),
    finished("2024-03-05T11:31:50.4431985Z", "GET", "/api/orders/48213", 500, "0", "null", "38.5520", "0HN1V6Q3T4K2N:00000004", "b1d3f5a7c9e14b3d5f7a9c1e3b5d7f9a"),
    app_event("2024-03-05T11:31:52.9016634Z", "Retry 1 of 3 for GetStockLevel after 2000 ms", "5e0d2c4b", "Warning",
          sql_exception(SENT, 10054, SEND_STACK,
                        ["at Orders.Web.Data.StockRepository.GetStockLevel(String sku) in D:\\a\\orders-web\\src\\Orders.Web\\Data\\StockRepository.cs:line 33",
                         "at Polly.Retry.RetryEngine.Implementation[TResult](Func`3 action, Context context, CancellationToken cancellationToken, ExceptionPredicates shouldRetryExceptionPredicates, ResultPredicates`1 shouldRetryResultPredicates, Action`4 onRetry, Int32 permittedRetryCount, IEnumerable`1 sleepDurationsEnumerable, Func`4 sleepDurationProvider)"],
                        "f27a0c95-3e1b-4d68-9c42-7b5e0d1a8f63", 10054),
          RetryAttempt=1, RetryCount=3, Operation="GetStockLevel", DelayMilliseconds=2000,
          SourceContext="Orders.Web.Resilience.SqlRetryPolicy", RequestPath="/api/stock/SKU-20417"),
    app_event("2024-03-05T11:31:55.2035871Z", "Outbox dispatch failed; the batch stays pending and is retried in 15 s", "c3a1e5f7", "Error",
          sql_exception(REFUSED, 10061, OPEN_STACK,
                        ["at Orders.Web.Outbox.OutboxDispatcher.DispatchPendingAsync(CancellationToken stoppingToken) in D:\\a\\orders-web\\src\\Orders.Web\\Outbox\\OutboxDispatcher.cs:line 57"],
                        "00000000-0000-0000-0000-000000000000", 10061),
          BatchSize=4, RetryInSeconds=15, SourceContext="Orders.Web.Outbox.OutboxDispatcher"),
    unhandled("2024-03-05T11:32:06.4801234Z", "/api/orders/48377",
              sql_exception(SENT, 10054, SEND_STACK,
                            ["at Orders.Web.Data.OrderRepository.GetOrderAsync(Int32 id, CancellationToken cancellationToken) in D:\\a\\orders-web\\src\\Orders.Web\\Data\\OrderRepository.cs:line 41",
                             "at Orders.Web.Controllers.OrdersController.Get(Int32 id, CancellationToken cancellationToken) in D:\\a\\orders-web\\src\\Orders.Web\\Controllers\\OrdersController.cs:line 28"],
                            "4c9e1b73-8a2d-4f05-b6e3-1d7a9c5f2e84", 10054),
              "0HN1V6Q3T4K2P:00000001", "d3f5b7d9e1a34c6e8a0c2e4a6c8e0a2c"),
    finished("2024-03-05T11:32:06.4823307Z", "GET", "/api/orders/48377", 500, "0", "null", "4.1198", "0HN1V6Q3T4K2P:00000001", "d3f5b7d9e1a34c6e8a0c2e4a6c8e0a2c"),
    app_event("2024-03-05T11:32:10.3310457Z", "Outbox dispatcher sent 4 messages", "9b7d5f3a",
          MessageCount=4, SourceContext="Orders.Web.Outbox.OutboxDispatcher"),
    finished("2024-03-05T11:33:05.2284530Z", "GET", "/health/live", 200, "null", "text/plain", "0.6214", "0HN1V6Q3T4K2L:00000035", "f5b7d9f1a3c54e8a0c2e4a6c8e0a2c4e"),
    finished("2024-03-05T11:34:12.7460912Z", "GET", "/api/orders/48410", 200, "null", "application/json; charset=utf-8", "21.7704", "0HN1V6Q3T4K2Q:00000003", "a7c9e1b3d5f74a2c4e6a8c0e2a4c6e8a"),
]


def write(out):
    write_bytes(out, FOLDER + "/" + PATH, clef_file(PATH, EVENTS).render())
    return "%-28s %d CLEF events" % (FOLDER, len(EVENTS))
