using LogCorrelator.Ingest;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Ingest.Drivers;

/// <summary>
/// Detection over every sample log and fixture of the repository, with every registered format
/// competing: each file goes to its own format, by a clear margin, and the client-log formats
/// (applog, odbc, python, java) never take one another's files.
/// </summary>
public sealed class DetectionTests
{
    // Repository path => the format detection must choose (null: no specific format; the general text reader takes it).
    private static readonly Dictionary<string, string?> Expected = new(StringComparer.Ordinal)
    {
        ["sample-logs/incident-restart/APPSRV01/Logs/orders-api-20240305.log"] = "applog",
        ["sample-logs/incident-restart/SQLPROD01/ERRORLOG"] = "errorlog",
        ["sample-logs/incident-restart/SQLPROD01/ERRORLOG.1"] = "errorlog",
        ["sample-logs/formats-drivers/BILLSRV01/logs/invoice-export-20240305.log"] = "odbc",
        ["sample-logs/formats-drivers/ETLSRV01/log/orders-etl.log"] = "python",
        ["sample-logs/formats-drivers/WEBSRV02/logs/orders-service.log"] = "java",
        ["sample-logs/expected/formats-drivers.md"] = null,
        ["sample-logs/formats-clef/WEBAPP02/Logs/orders-web-20240305.clef"] = "clef",
        ["sample-logs/incident-backlog/APPSRV06/Logs/fulfillment-api-20240307.log"] = "applog",
        ["sample-logs/expected/incident-backlog.md"] = null,
        ["sample-logs/incident-backlog/LEGACY01/Logs/Billing.Legacy.log"] = "applog",
        ["sample-logs/incident-backlog/SQLPROD05/ERRORLOG"] = "errorlog",
        ["sample-logs/incident-backlog/SQLPROD05/capture/sqlprod05-1433.txt"] = "packets",
        ["sample-logs/expected/incident-chimney.md"] = null,
        ["sample-logs/incident-chimney/SQLPROD03/ERRORLOG"] = "errorlog",
        ["sample-logs/incident-chimney/SQLPROD03/netsh-int-tcp-show-global.txt"] = "netsh",
        ["sample-logs/incident-chimney/WEBAPP01/Logs/orderweb.log"] = "python",
        ["sample-logs/incident-chimney/WEBAPP02/Logs/OrderSync.log"] = "applog",
        ["sample-logs/incident-chimney/WEBAPP02/netsh-int-tcp-show-global.txt"] = "netsh",
        ["sample-logs/incident-failover/APPSRV01/Logs/orders-api-20240227.log"] = "applog",
        ["sample-logs/incident-failover/APPSRV03/Logs/Orders.Web.log"] = "applog",
        ["sample-logs/expected/incident-failover.md"] = null,
        ["sample-logs/incident-failover/SQLPROD01/ERRORLOG"] = "errorlog",
        ["sample-logs/incident-failover/SQLPROD02/ERRORLOG"] = "errorlog",
        ["sample-logs/incident-idle-timeout/APPSRV01/Logs/warehouse-web.log"] = "java",
        ["sample-logs/incident-idle-timeout/APPSRV02/Logs/shipping-api-20240312.log"] = "applog",
        ["sample-logs/expected/incident-idle-timeout.md"] = null,
        ["sample-logs/incident-idle-timeout/SQLAZ01/ERRORLOG"] = "errorlog",
        ["sample-logs/incident-keepalive/APPSRV07/Logs/wms-allocation-20240308.log"] = "applog",
        ["sample-logs/incident-keepalive/APPSRV08/Logs/Wms.Labels.log"] = "applog",
        ["sample-logs/expected/incident-keepalive.md"] = null,
        ["sample-logs/incident-keepalive/SQLPROD06/ERRORLOG"] = "errorlog",
        ["sample-logs/incident-keepalive/SQLPROD06/SystemEvents.txt"] = null,
        ["sample-logs/incident-keepalive-aftermath/APPSRV41/Logs/orders-fulfilment-20240321.log"] = "applog",
        ["sample-logs/incident-keepalive-aftermath/APPSRV42/Logs/Orders.Reports.log"] = "applog",
        ["sample-logs/expected/incident-keepalive-aftermath.md"] = null,
        ["sample-logs/incident-keepalive-aftermath/SQLPROD11/ERRORLOG"] = "errorlog",
        ["sample-logs/incident-keepalive-aftermath/SQLPROD11/SystemEvents.txt"] = null,
        ["sample-logs/incident-kill/APPSRV01/Logs/orders-web.log"] = "java",
        ["sample-logs/incident-kill/APPSRV02/Logs/Orders.Worker.log"] = "applog",
        ["sample-logs/expected/incident-kill.md"] = null,
        ["sample-logs/incident-kill/SQLPROD01/ERRORLOG"] = "errorlog",
        ["sample-logs/incident-mixed/APPSRV09/Logs/orders-api.log"] = "java",
        ["sample-logs/incident-mixed/APPSRV10/logs/billing-batch.log"] = "java",
        ["sample-logs/incident-mixed/APPSRV11/Logs/orders-sync-20240304.log"] = "applog",
        ["sample-logs/expected/incident-mixed.md"] = null,
        ["sample-logs/incident-mixed/SQLPROD07/ERRORLOG"] = "errorlog",
        ["sample-logs/incident-mixed/SQLPROD07/ERRORLOG.1"] = "errorlog",
        ["sample-logs/incident-no-cause/APPSRV12/Logs/inventory-api-20240307.log"] = "applog",
        ["sample-logs/incident-no-cause/APPSRV13/logs/inventory-sync.log"] = "python",
        ["sample-logs/expected/incident-no-cause.md"] = null,
        ["sample-logs/incident-no-cause/SQLPROD08/ERRORLOG"] = "errorlog",
        ["sample-logs/incident-no-cause/SQLPROD08/ERRORLOG.1"] = "errorlog",
        ["sample-logs/incident-port-exhaustion/APPSRV05/Logs/PriceSync.log"] = "applog",
        ["sample-logs/incident-port-exhaustion/APPSRV05/Logs/Storefront.log"] = "odbc",
        ["sample-logs/incident-port-exhaustion/APPSRV05/netsh-int-ipv4-show-dynamicport-tcp.txt"] = "netsh",
        ["sample-logs/incident-port-exhaustion/APPSRV05/netstat/netstat-n.txt"] = "netstat",
        ["sample-logs/expected/incident-port-exhaustion.md"] = null,
        ["sample-logs/incident-port-exhaustion/SQLPROD04/ERRORLOG"] = "errorlog",
        ["sample-logs/incident-port-span/APPSRV22/Logs/LedgerImport.log"] = "applog",
        ["sample-logs/incident-port-span/APPSRV22/netstat/netstat-n.txt"] = "netstat",
        ["sample-logs/incident-port-span/APPSRV23/Logs/Ledger.Portal.log"] = "applog",
        ["sample-logs/expected/incident-port-span.md"] = null,
        ["sample-logs/incident-port-span/SQLPROD10/ERRORLOG"] = "errorlog",
        ["sample-logs/incident-restart-logins/APPSRV30/Logs/catalog-api-20240317.log"] = "applog",
        ["sample-logs/expected/incident-restart-logins.md"] = null,
        ["sample-logs/incident-restart-logins/SQLPROD09/ERRORLOG"] = "errorlog",
        ["sample-logs/incident-restart-logins/SQLPROD09/ERRORLOG.1"] = "errorlog",
        ["sample-logs/incident-silence-edge/APPSRV21/Logs/invoicing-api-20240314.log"] = "applog",
        ["sample-logs/expected/incident-silence-edge.md"] = null,
        ["sample-logs/incident-silence-edge/SQLAZ02/ERRORLOG"] = "errorlog",
        ["tests/LogCorrelator.Tests/Fixtures/recorded/sqlclient-prelogin.log"] = "applog",
        ["tests/LogCorrelator.Tests/Fixtures/recorded/sqlclient-refused.log"] = "applog",
        ["tests/LogCorrelator.Tests/Fixtures/recorded/sqlclient-reset.log"] = "applog",
        ["tests/LogCorrelator.Tests/Fixtures/recorded/sqlclient-timeout.log"] = "applog",
        ["tests/LogCorrelator.Tests/Fixtures/recorded/sqlclient7-prelogin.log"] = "applog",
        ["tests/LogCorrelator.Tests/Fixtures/recorded/sqlclient7-refused.log"] = "applog",
        ["tests/LogCorrelator.Tests/Fixtures/recorded/sqlclient7-reset.log"] = "applog",
        ["tests/LogCorrelator.Tests/Fixtures/recorded/sqlclient7-timeout.log"] = "applog",
        ["tests/LogCorrelator.Tests/Fixtures/recorded/pyodbc-prelogin.log"] = "python",
        ["tests/LogCorrelator.Tests/Fixtures/recorded/pyodbc-refused.log"] = "python",
        ["tests/LogCorrelator.Tests/Fixtures/recorded/pyodbc-reset.log"] = "python",
        ["tests/LogCorrelator.Tests/Fixtures/recorded/pyodbc-timeout.log"] = "python",
        ["tests/LogCorrelator.Tests/Fixtures/recorded/jtds-prelogin.log"] = "java",
        ["tests/LogCorrelator.Tests/Fixtures/recorded/jtds-refused.log"] = "java",
        ["tests/LogCorrelator.Tests/Fixtures/recorded/jtds-reset.log"] = "java",
        ["tests/LogCorrelator.Tests/Fixtures/recorded/jtds-timeout.log"] = "java",
        ["tests/LogCorrelator.Tests/Fixtures/recorded/ss-burst.txt"] = "netstat",
        ["tests/LogCorrelator.Tests/Fixtures/recorded/versions.txt"] = null,
        ["tests/LogCorrelator.Tests/Fixtures/drivers/SQL.LOG"] = "odbc",
        ["tests/LogCorrelator.Tests/Fixtures/drivers/unixodbc-trace.log"] = "odbc",
        ["tests/LogCorrelator.Tests/Fixtures/drivers/odbc-dotnet.log"] = "odbc",
        ["tests/LogCorrelator.Tests/Fixtures/drivers/odbc-cpp-legacy.log"] = "odbc",
        ["tests/LogCorrelator.Tests/Fixtures/drivers/pyodbc-msodbc.log"] = "python",
        ["tests/LogCorrelator.Tests/Fixtures/drivers/pyodbc-py2.log"] = "python",
        ["tests/LogCorrelator.Tests/Fixtures/drivers/flask-app.log"] = "python",
        ["tests/LogCorrelator.Tests/Fixtures/drivers/mssql-jdbc-logback.log"] = "java",
        ["tests/LogCorrelator.Tests/Fixtures/drivers/mssql-jdbc-springboot.log"] = "java",
        ["tests/LogCorrelator.Tests/Fixtures/drivers/jtds-levelfirst.log"] = "java",
        ["tests/LogCorrelator.Tests/Fixtures/drivers/jtds-sqlstate.txt"] = null,
        ["tests/LogCorrelator.Tests/Fixtures/network/netstat-windows-ano.txt"] = "netstat",
        ["tests/LogCorrelator.Tests/Fixtures/network/netstat-windows-n.txt"] = "netstat",
        ["tests/LogCorrelator.Tests/Fixtures/network/netstat-linux.txt"] = "netstat",
        ["tests/LogCorrelator.Tests/Fixtures/network/ss.txt"] = "netstat",
        ["tests/LogCorrelator.Tests/Fixtures/network/tshark.txt"] = "packets",
        ["tests/LogCorrelator.Tests/Fixtures/network/tshark-ad.txt"] = "packets",
        ["tests/LogCorrelator.Tests/Fixtures/network/tshark-capinfos.txt"] = "packets",
        ["tests/LogCorrelator.Tests/Fixtures/network/tcpdump.txt"] = "packets",
        ["tests/LogCorrelator.Tests/Fixtures/network/tcpdump-tttt.txt"] = "packets",
        ["tests/LogCorrelator.Tests/Fixtures/network/netsh-global.txt"] = "netsh",
        ["tests/LogCorrelator.Tests/Fixtures/network/netsh-2008r2-notime.txt"] = "netsh",
    };

    private static readonly string[] ClientFormats = ["applog", "odbc", "python", "java"];

    public static TheoryData<string> Files => new(Expected.Keys);

    [Fact]
    public void Every_sample_and_fixture_log_of_the_repository_has_an_expected_format()
    {
        string[] roots = ["sample-logs", "tests/LogCorrelator.Tests/Fixtures/recorded", "tests/LogCorrelator.Tests/Fixtures/drivers", "tests/LogCorrelator.Tests/Fixtures/network"];
        var found = roots
            .SelectMany(root => Directory.EnumerateFiles(RepoPaths.File(root), "*", SearchOption.TopDirectoryOnly)
                .Concat(root == "sample-logs" ? Directory.EnumerateFiles(RepoPaths.File(root), "*", SearchOption.AllDirectories) : []))
            .Select(path => Path.GetRelativePath(RepoPaths.File(""), path).Replace('\\', '/'))
            .Where(path => !Path.GetFileName(path).StartsWith('.') && IsLogLike(path))
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), found);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_file_goes_to_its_own_format_by_a_clear_margin(string path)
    {
        var guess = FormatDetector.Detect(DriverRun.SampleOf(RepoPaths.File(path)), FormatRegistry.All);

        Assert.Equal(Expected[path], guess.Format?.Name);
        if (guess.Format is not null)
            Assert.False(guess.IsClose, $"{path}: {guess.BestName} {guess.Score:0.00}, {guess.RunnerUp} {guess.RunnerUpScore:0.00}");
        // A client log is never a close call between the client-log formats themselves.
        if (Expected[path] is { } name && ClientFormats.Contains(name) && guess.RunnerUp is { } second && ClientFormats.Contains(second))
            Assert.True(guess.Score - guess.RunnerUpScore >= 0.3, $"{path}: {name} {guess.Score:0.00}, {second} {guess.RunnerUpScore:0.00}");
    }

    // Recorder sources, scripts and READMEs of fixture folders are not logs; a sample folder's README
    // lies among them and must be skipped.
    private static bool IsLogLike(string path) =>
        Path.GetExtension(path) is ".log" or ".LOG" or ".txt" or ".clef" or ""
        || (path.StartsWith("sample-logs/", StringComparison.Ordinal) && Path.GetExtension(path) is ".md" or ".1");
}
