using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Store;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Ingest.Drivers;

/// <summary>sample-logs/formats-drivers through the real runner: one client host per driver family.</summary>
public sealed class FormatsDriversSampleTests
{
    [Fact]
    public void Each_host_log_is_read_by_its_own_format_with_its_errors()
    {
        using var dir = new TempFolder();
        using var store = EventStore.Open(dir.Combine("s.lcdb"));

        var results = new IngestRunner(store, new IngestOptions())
            .Run([RepoPaths.File("sample-logs/formats-drivers")])
            .ToDictionary(r => r.RelativePath);

        // Events are the timestamped lines of each file (the rest are stack traces and tracebacks).
        Assert.Equal(("odbc", FileOutcome.Ingested, 70L, "BILLSRV01"), Summary(results["BILLSRV01/logs/invoice-export-20240305.log"]));
        Assert.Equal(("python", FileOutcome.Ingested, 53L, "ETLSRV01"), Summary(results["ETLSRV01/log/orders-etl.log"]));
        Assert.Equal(("java", FileOutcome.Ingested, 79L, "WEBSRV02"), Summary(results["WEBSRV02/logs/orders-service.log"]));
        Assert.All(results.Values, r => Assert.Empty(r.Problems));

        var loaded = store.Load(new EventScan { Kinds = [EventKind.Error] });
        var errors = store.Resolve(loaded.Id.AsSpan(0, loaded.Count).ToArray());
        Assert.Equal(
        [
            // BILLSRV01: the reset, two refused reconnects, then a login timeout.
            ("BILLSRV01", "11:32:04.512", "10054", "08S01"),
            ("BILLSRV01", "11:32:09.548", "10061", "08001"),
            ("BILLSRV01", "11:32:14.582", "10061", "08001"),
            ("BILLSRV01", "11:32:19.816", "-2", "HYT00"),
            // ETLSRV01: ODBC 18 on Linux says errno 104 for the reset; the refused reconnects state native error 10057.
            ("ETLSRV01", "11:32:04.231", "10054", "08S01"),
            ("ETLSRV01", "11:32:04.239", "08S01", "08S01"),
            ("ETLSRV01", "11:32:14.254", "10057", "08001"),
            ("ETLSRV01", "11:32:24.277", "10057", "08001"),
            ("ETLSRV01", "11:32:34.292", "10057", "08001"),
            // WEBSRV02: HikariCP's warning and the request's error for each of two pooled connections, then the pool's timeout.
            ("WEBSRV02", "11:32:04.107", "10054", "08S01"),
            ("WEBSRV02", "11:32:04.111", "10054", "-"),
            ("WEBSRV02", "11:32:04.159", "10054", "08S01"),
            ("WEBSRV02", "11:32:04.163", "10054", "-"),
            ("WEBSRV02", "11:32:34.140", "10061", "-"),
        ], errors.OrderBy(e => e.Host, StringComparer.Ordinal).ThenBy(e => e.Time)
            .Select(e => (e.Host!, Utc.Text(e.Time), e.CodeText!, e.SqlState ?? "-")));
    }

    private static (string?, FileOutcome, long, string?) Summary(FileResult r) => (r.Guess?.Format?.Name, r.Outcome, r.Events, r.Host);
}
