using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Cli;

/// <summary>
/// The CLEF sample (Orders.Web on WEBAPP02) beside the ERRORLOG of incident-restart: the app's 10054s
/// line up with SQLPROD01's restart at 11:32:04.310, and their messages read clean, not as JSON.
/// </summary>
public sealed class QueryClefTests
{
    private const string Received = "Microsoft.Data.SqlClient.SqlException (0x80131904): A transport-level error has occurred when receiving results from the server. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)";
    private const string Sent = "Microsoft.Data.SqlClient.SqlException (0x80131904): A transport-level error has occurred when sending the request to the server. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)";

    [Fact]
    public void Errors_10054_near_the_restart_are_the_three_around_it()
    {
        using var dir = new TempFolder();
        string clef = RepoPaths.File("sample-logs/formats-clef"), sql = RepoPaths.File("sample-logs/incident-restart/SQLPROD01");
        string path = RepoPaths.File("sample-logs/formats-clef/WEBAPP02/Logs/orders-web-20240305.clef");

        var run = CliRun.Of("query", "errors 10054 near restart within 5m", clef, sql, "--store", dir.Combine("s.lcdb"), "--format", "csv");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
        [
            "time,host,kind,code,message,path,line,related_time,related_kind,related_host,delta_seconds,related_count",
            $"2024-03-05T11:31:50.440Z,WEBAPP02,error,10054,\"{Received}\",{path},7,2024-03-05T11:32:04.310Z,restart,SQLPROD01,13.870,1",
            $"2024-03-05T11:31:52.901Z,WEBAPP02,error,10054,\"{Sent}\",{path},9,2024-03-05T11:32:04.310Z,restart,SQLPROD01,11.409,1",
            $"2024-03-05T11:32:06.480Z,WEBAPP02,error,10054,\"{Sent}\",{path},11,2024-03-05T11:32:04.310Z,restart,SQLPROD01,-2.170,1",
        ], run.Out);
    }
}
