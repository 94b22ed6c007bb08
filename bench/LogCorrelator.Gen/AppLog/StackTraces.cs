namespace LogCorrelator.Gen.AppLog;

/// <summary>
/// Exception texts as Microsoft.Data.SqlClient and ASP.NET Core print them. A transport error's
/// driver frames differ by direction (a write fails in WriteSni, a read in ReadSni); the frames
/// above them depend on the call site.
/// </summary>
internal static class StackTraces
{
    public const string TransportSending = """
        Microsoft.Data.SqlClient.SqlException (0x80131904): A transport-level error has occurred when sending the request to the server. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)
         ---> System.ComponentModel.Win32Exception (10054): An existing connection was forcibly closed by the remote host.
           --- End of inner exception stack trace ---
           at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)
           at Microsoft.Data.SqlClient.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)
           at Microsoft.Data.SqlClient.TdsParser.ThrowExceptionAndWarning(TdsParserStateObject stateObj, Boolean callerHasConnectionLock, Boolean asyncClose)
           at Microsoft.Data.SqlClient.TdsParserStateObject.WriteSni(Boolean canAccumulate)
           at Microsoft.Data.SqlClient.TdsParserStateObject.WritePacket(Byte flushMode, Boolean canAccumulate)
           at Microsoft.Data.SqlClient.TdsParser.TdsExecuteRPC(SqlCommand cmd, _SqlRPC[] rpcArray, Int32 timeout, Boolean inSchema, SqlNotificationRequest notificationRequest, TdsParserStateObject stateObj, Boolean isCommandProc, Boolean sync, TaskCompletionSource`1 completion, Int32 startRpc, Int32 startParam)
        """;

    public const string TransportReceiving = """
        Microsoft.Data.SqlClient.SqlException (0x80131904): A transport-level error has occurred when receiving results from the server. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)
         ---> System.ComponentModel.Win32Exception (10054): An existing connection was forcibly closed by the remote host.
           --- End of inner exception stack trace ---
           at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)
           at Microsoft.Data.SqlClient.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)
           at Microsoft.Data.SqlClient.TdsParser.ThrowExceptionAndWarning(TdsParserStateObject stateObj, Boolean callerHasConnectionLock, Boolean asyncClose)
           at Microsoft.Data.SqlClient.TdsParserStateObject.ReadSniError(TdsParserStateObject stateObj, UInt32 error)
           at Microsoft.Data.SqlClient.TdsParserStateObject.ReadSniSyncOverAsync()
           at Microsoft.Data.SqlClient.TdsParserStateObject.TryReadNetworkPacket()
           at Microsoft.Data.SqlClient.TdsParserStateObject.TryPrepareBuffer()
           at Microsoft.Data.SqlClient.TdsParserStateObject.TryReadByte(Byte& value)
           at Microsoft.Data.SqlClient.TdsParser.TryRun(RunBehavior runBehavior, SqlCommand cmdHandler, SqlDataReader dataStream, BulkCopySimpleResultSet bulkCopyHandler, TdsParserStateObject stateObj, Boolean& dataReady)
        """;

    public const string Timeout = """
        Microsoft.Data.SqlClient.SqlException (0x80131904): Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.
         ---> System.ComponentModel.Win32Exception (258): The wait operation timed out.
           --- End of inner exception stack trace ---
           at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)
           at Microsoft.Data.SqlClient.SqlInternalConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)
           at Microsoft.Data.SqlClient.TdsParser.ThrowExceptionAndWarning(TdsParserStateObject stateObj, Boolean callerHasConnectionLock, Boolean asyncClose)
           at Microsoft.Data.SqlClient.TdsParser.TryRun(RunBehavior runBehavior, SqlCommand cmdHandler, SqlDataReader dataStream, BulkCopySimpleResultSet bulkCopyHandler, TdsParserStateObject stateObj, Boolean& dataReady)
        """;

    /// <summary>The frames from the SqlCommand call up to the app, by call site: load, save, health check.</summary>
    public static readonly string[] CallSites =
    [
        """
           at Microsoft.Data.SqlClient.SqlCommand.RunExecuteReader(CommandBehavior cmdBehavior, RunBehavior runBehavior, Boolean returnStream, TaskCompletionSource`1 completion, Int32 timeout, Task& task, Boolean& usedCache, Boolean asyncWrite, Boolean inRetry, String method)
           at Microsoft.Data.SqlClient.SqlCommand.ExecuteReader(CommandBehavior behavior)
           at Orders.Api.Data.OrderRepository.GetOrder(Int32 id) in D:\a\orders\src\Orders.Api\Data\OrderRepository.cs:line 57
           at Orders.Api.Controllers.OrdersController.Get(Int32 id) in D:\a\orders\src\Orders.Api\Controllers\OrdersController.cs:line 31
           at lambda_method12(Closure, Object, Object[])
           at Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.SyncObjectResultExecutor.Execute(ActionContext actionContext, IActionResultTypeMapper mapper, ObjectMethodExecutor executor, Object controller, Object[] arguments)
        """,
        """
           at Microsoft.Data.SqlClient.SqlCommand.RunExecuteNonQueryTds(String methodName, Boolean isAsync, Int32 timeout, Boolean asyncWrite)
           at Microsoft.Data.SqlClient.SqlCommand.InternalExecuteNonQuery(TaskCompletionSource`1 completion, Boolean sendToPipe, Int32 timeout, Boolean& usedCache, Boolean asyncWrite, Boolean inRetry, String methodName)
           at Microsoft.Data.SqlClient.SqlCommand.ExecuteNonQuery()
           at Orders.Api.Data.OrderRepository.Save(Order order) in D:\a\orders\src\Orders.Api\Data\OrderRepository.cs:line 112
           at Orders.Api.Services.OrderService.Place(PlaceOrder command) in D:\a\orders\src\Orders.Api\Services\OrderService.cs:line 48
        """,
        """
           at Microsoft.Data.SqlClient.SqlCommand.ExecuteScalar()
           at Orders.Api.Health.SqlHealthCheck.CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken) in D:\a\orders\src\Orders.Api\Health\SqlHealthCheck.cs:line 24
        """,
    ];

    public const string NullReference = """
        System.NullReferenceException: Object reference not set to an instance of an object.
           at Orders.Api.Controllers.OrdersController.MapLines(Order order) in D:\a\orders\src\Orders.Api\Controllers\OrdersController.cs:line 88
           at Orders.Api.Controllers.OrdersController.Get(Int32 id) in D:\a\orders\src\Orders.Api\Controllers\OrdersController.cs:line 33
           at lambda_method12(Closure, Object, Object[])
           at Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.SyncObjectResultExecutor.Execute(ActionContext actionContext, IActionResultTypeMapper mapper, ObjectMethodExecutor executor, Object controller, Object[] arguments)
        """;
}
