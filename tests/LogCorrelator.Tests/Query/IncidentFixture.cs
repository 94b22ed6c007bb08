using LogCorrelator.Events;
using LogCorrelator.Store;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Query;

/// <summary>
/// A small incident on 2024-03-05 (UTC): SQLPROD01 restarts at 11:32:04.310 and a session of
/// APPSRV01 is killed at 11:47:22.400; the app servers log errors around both, and one long before.
/// </summary>
public sealed class IncidentFixture : IDisposable
{
    private readonly StoreBuilder _builder = new();

    public IncidentFixture()
    {
        _builder
            .Source("APPSRV01/orders-api.log", "APPSRV01")
            .Error("10:15:00.250", 10054)
            .Error("11:28:41.337", -2, "Execution Timeout Expired.")
            .Error("11:29:30.118", 10054)
            .Error("11:32:06.480", 10054)
            .Event("11:32:07.112", EventKind.Error, "[Microsoft][ODBC Driver 17 for SQL Server]Communication link failure", sqlState: "08S01")
            .Error("11:47:23.015", 10054)
            .Error("11:47:24.502", 10054)
            .Source("APPSRV02/orders-api.log", "APPSRV02")
            .Error("11:47:23.500", 10054)
            .Source("SQLPROD01/ERRORLOG", "SQLPROD01")
            .Event("11:31:50.120", EventKind.Shutdown, "SQL Server is terminating in response to a 'stop' request from Service Control Manager.")
            .Restart("11:32:04.310")
            .Event("11:32:15.880", EventKind.Ready, "SQL Server is now ready for client connections.")
            .Event("11:34:00.000", EventKind.ServerError, "Error: 17883, Severity: 1, State: 0.", code: 17883)
            .Kill("11:47:22.400", 87, "APPSRV01")
            .Source("SQLPROD02/ERRORLOG", "SQLPROD02")
            .Event("11:33:00.000", EventKind.ServerError, "Error: 17883, Severity: 1, State: 0.", code: 17883);
        Store = _builder.Build();
    }

    public EventStore Store { get; }

    public void Dispose() => _builder.Dispose();
}
