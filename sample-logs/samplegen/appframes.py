"""Application stack frames (innermost application frame first) that the client errors end with."""

WORKER_FRAMES = [
    "at Dapper.SqlMapper.ExecuteCommand(IDbConnection cnn, CommandDefinition& command, Action`2 paramReader) in /_/Dapper/SqlMapper.cs:line 2965",
    "at Dapper.SqlMapper.ExecuteImpl(IDbConnection cnn, CommandDefinition& command) in /_/Dapper/SqlMapper.cs:line 656",
    "at Dapper.SqlMapper.Execute(IDbConnection cnn, String sql, Object param, IDbTransaction transaction, Nullable`1 commandTimeout, "
    "Nullable`1 commandType) in /_/Dapper/SqlMapper.cs:line 527",
    "at Orders.Worker.Import.OrderLineWriter.Write(IDbConnection connection, IReadOnlyList`1 lines) in "
    "C:\\build\\orders-worker\\src\\Orders.Worker\\Import\\OrderLineWriter.cs:line 64",
    "at Orders.Worker.Import.ImportBatch.Run(ImportRequest request) in C:\\build\\orders-worker\\src\\Orders.Worker\\Import\\ImportBatch.cs:line 118",
]


def api_frames(repo_method, line, app="Orders.Api"):
    """An ASP.NET Core request that awaited Dapper over Microsoft.Data.SqlClient."""
    return [
        "at Microsoft.Data.SqlClient.SqlCommand.<>c.<ExecuteDbDataReaderAsync>b__211_0(Task`1 result)",
        "at System.Threading.Tasks.ContinuationResultTaskFromResultTask`2.InnerInvoke()",
        "at System.Threading.ExecutionContext.RunFromThreadPoolDispatchLoop(Thread threadPoolThread, ExecutionContext executionContext, "
        "ContextCallback callback, Object state)",
        "--- End of stack trace from previous location ---",
        "at System.Threading.Tasks.Task.ExecuteWithThreadLocal(Task& currentTaskSlot, Thread threadPoolThread)",
        "--- End of stack trace from previous location ---",
        "at Dapper.SqlMapper.QueryAsync[T](IDbConnection cnn, Type effectiveType, CommandDefinition command) in /_/Dapper/SqlMapper.Async.cs:line 434",
        "at %s.Data.OrderRepository.%s in D:\\a\\1\\s\\src\\%s\\Data\\OrderRepository.cs:line %d" % (app, repo_method, app, line),
        "at %s.Controllers.OrdersController.Get(Int32 id, CancellationToken ct) in D:\\a\\1\\s\\src\\%s\\Controllers\\OrdersController.cs:line 38"
        % (app, app),
        "at Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.TaskOfIActionResultExecutor.Execute(IActionResultTypeMapper "
        "mapper, ObjectMethodExecutor executor, Object controller, Object[] arguments)",
        "at Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker.<InvokeActionMethodAsync>g__Awaited|12_0(ControllerActionInvoker "
        "invoker, ValueTask`1 actionResultValueTask)",
        "at Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker.<InvokeNextActionFilterAsync>g__Awaited|10_0(ControllerActionInvoker "
        "invoker, Task lastTask, State next, Scope scope, Object state, Boolean isCompleted)",
    ]


def mvc_frames(method, line, app="Orders.Web"):
    """An ASP.NET MVC 5 action on .NET Framework that ran Dapper over System.Data.SqlClient."""
    return [
        "at Dapper.SqlMapper.QueryImpl[T](IDbConnection cnn, CommandDefinition command, Type effectiveType)+MoveNext() in "
        "/_/Dapper/SqlMapper.cs:line 1113",
        "at System.Collections.Generic.List`1..ctor(IEnumerable`1 collection)",
        "at System.Linq.Enumerable.ToList[TSource](IEnumerable`1 source)",
        "at Dapper.SqlMapper.Query[T](IDbConnection cnn, String sql, Object param, IDbTransaction transaction, Boolean buffered, "
        "Nullable`1 commandTimeout, Nullable`1 commandType) in /_/Dapper/SqlMapper.cs:line 734",
        "at %s.Data.%s in C:\\build\\orders-web\\src\\%s\\Data\\OrderQueries.cs:line %d" % (app, method, app, line),
        "at %s.Controllers.OrdersController.Details(Int32 id) in C:\\build\\orders-web\\src\\%s\\Controllers\\OrdersController.cs:line 52"
        % (app, app),
        "at lambda_method(Closure , ControllerBase , Object[] )",
        "at System.Web.Mvc.ActionMethodDispatcher.Execute(ControllerBase controller, Object[] parameters)",
        "at System.Web.Mvc.ReflectedActionDescriptor.Execute(ControllerContext controllerContext, IDictionary`2 parameters)",
        "at System.Web.Mvc.ControllerActionInvoker.InvokeActionMethod(ControllerContext controllerContext, ActionDescriptor "
        "actionDescriptor, IDictionary`2 parameters)",
    ]


JAVA_ORDERS = ["at com.example.orders.repo.OrderDao.findByCustomer(OrderDao.java:61)",
               "at com.example.orders.service.OrderService.openOrders(OrderService.java:44)",
               "at com.example.orders.web.OrderController.list(OrderController.java:38)"]
