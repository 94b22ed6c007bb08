using LogCorrelator.Events;
using LogCorrelator.Ingest.Formats.AppLog;
using LogCorrelator.Tests.Ingest.Drivers;

namespace LogCorrelator.Tests.Ingest.AppLog;

/// <summary>
/// The same four loopback faults as recorded by Microsoft.Data.SqlClient 2.1.4 (<c>sqlclient-*.log</c>) and
/// 7.1.2 (<c>sqlclient7-*.log</c>): old and new clients are both in the field, and a query on a code must
/// find a fault whichever of them logged it.
/// </summary>
public sealed class RecordedSqlClientVersionsTests
{
    private static readonly AppLogFormat Format = new();

    [Theory]
    // Refused: 2.1.4 says 'error: 40 - Could not open a connection', 7.1.2 only 'not found or not accessible'.
    [InlineData("sqlclient-refused.log", "2024-03-05 10:32:05.974", 53)]
    [InlineData("sqlclient7-refused.log", "2024-03-05 10:32:05.894", 53)]
    [InlineData("sqlclient-reset.log", "2024-03-05 10:32:03.366", 10054)]
    [InlineData("sqlclient7-reset.log", "2024-03-05 10:32:03.636", 10054)]
    // The pre-login close prints the thread's last OS error: 203 in the 2.1.4 run, 'Success' (no number) in 7.1.2's.
    [InlineData("sqlclient-prelogin.log", "2024-03-05 10:32:03.631", 203)]
    [InlineData("sqlclient7-prelogin.log", "2024-03-05 10:32:03.444", null)]
    [InlineData("sqlclient-timeout.log", "2024-03-05 10:32:06.590", -2)]
    [InlineData("sqlclient7-timeout.log", "2024-03-05 10:32:06.396", -2)]
    public void Each_recorded_failure_is_one_client_error_with_its_code(string file, string utc, int? code)
    {
        var run = DriverRun.Fixture(Format, file);

        Assert.Equal([EventKind.Info, EventKind.Error], run.Events.Select(e => e.Kind));
        LogEvent e = run.Events[1];
        Assert.Equal((utc, code, 2), (DriverRun.Utc(e.Time), e.Code, e.Line));
        // The message is the exception line, not the logger's own words before it.
        Assert.StartsWith("Microsoft.Data.SqlClient.SqlException (0x80131904): ", run.Message(e), StringComparison.Ordinal);
        Assert.Empty(run.Problems);
    }
}
