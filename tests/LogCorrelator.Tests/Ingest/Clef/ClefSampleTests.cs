using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Formats.Clef;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Store;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Ingest.Clef;

/// <summary>
/// sample-logs/formats-clef: Orders.Web on WEBAPP02 logging CLEF through the SQLPROD01 restart
/// (down at 11:31:50.12Z, up at 11:32:04.31Z), written by sample-logs/samplegen (incidents/formats_clef.py).
/// </summary>
public sealed class ClefSampleTests
{
    private const string Relative = "sample-logs/formats-clef/WEBAPP02/Logs/orders-web-20240305.clef";
    private static readonly ClefRun Run = ClefRun.File(File.ReadAllBytes(RepoPaths.File(Relative)), RepoPaths.File(Relative));

    private const string Received = "Microsoft.Data.SqlClient.SqlException (0x80131904): A transport-level error has occurred when receiving results from the server. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)";
    private const string Sent = "Microsoft.Data.SqlClient.SqlException (0x80131904): A transport-level error has occurred when sending the request to the server. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)";
    private const string Refused = "Microsoft.Data.SqlClient.SqlException (0x80131904): A network-related or instance-specific error occurred while establishing a connection to SQL Server. The server was not found or was not accessible. Verify that the instance name is correct and that SQL Server is configured to allow remote connections. (provider: TCP Provider, error: 0 - No connection could be made because the target machine actively refused it.)";

    // Each line is one event; the refused open has SqlClient's all-zero connection id, which names no connection.
    public static TheoryData<int, string, int, string?, string> Errors => new()
    {
        { 7, "2024-03-05 11:31:50.440", 10054, "ccid=8d3f6a21-5c7e-4b90-a1d4-2e6f8b0c3d57", Received },
        { 9, "2024-03-05 11:31:52.901", 10054, "ccid=f27a0c95-3e1b-4d68-9c42-7b5e0d1a8f63", Sent },
        { 10, "2024-03-05 11:31:55.203", 10061, null, Refused },
        { 11, "2024-03-05 11:32:06.480", 10054, "ccid=4c9e1b73-8a2d-4f05-b6e3-1d7a9c5f2e84", Sent },
    };

    [Fact]
    public void Every_line_is_one_event_on_WEBAPP02_and_four_are_errors()
    {
        Assert.Equal(15, Run.Events.Count);
        Assert.Empty(Run.Problems);
        Assert.All(Run.Events, e => Assert.Equal("WEBAPP02", e.Host));
        Assert.Equal([7, 9, 10, 11], Run.Events.Where(e => e.Kind == EventKind.Error).Select(e => e.Line));
        Assert.Equal("2024-03-05 11:28:05.387", ClefRun.Utc(Run.Events[0].Time));
        Assert.Equal("2024-03-05 11:34:12.746", ClefRun.Utc(Run.Events[^1].Time));
        Assert.Equal("in each timestamp", Run.Context.Clock.Describe());
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void Each_error_has_its_time_code_connection_id_and_exception_line(int line, string utc, int code, string? extra, string message)
    {
        var e = Run.Events.Single(x => x.Line == line);
        Assert.Equal((EventKind.Error, code, (string?)null, extra), (e.Kind, e.Code!.Value, e.SqlState, e.Extra));
        Assert.Equal(utc, ClefRun.Utc(e.Time));
        Assert.Equal(message, Run.Message(e));
        // The raw line holds the whole exception as one JSON string, ending with the stated number.
        Assert.Contains($"\\r\\nError Number:{code},State:0,Class:20\",", Run.Entry(e));
    }

    [Fact]
    public void Messages_with_quotes_and_backslashes_read_as_written()
    {
        Assert.Equal("Slow query for customer \"ACME GmbH\" took 2412 ms (threshold 2000 ms)", Run.Message(Run.Events[2]));
        Assert.Equal(@"Storing keys in a directory 'D:\apps\orders-web\keys' that may not be persisted outside of the container. Protected data will be unavailable when container is destroyed.",
            Run.Message(Run.Events[4]));
        Assert.Equal("Request finished HTTP/1.1 GET http://webapp02:5000/api/orders/48213 - 500 0 null 38.5520ms", Run.Message(Run.Events[7]));
    }

    [Fact]
    public void The_sample_scores_as_CLEF_and_nothing_else_comes_close()
    {
        byte[] head = File.ReadAllBytes(RepoPaths.File(Relative));
        var sample = FormatDetector.Sample("orders-web-20240305.clef", head.AsSpan(0, Math.Min(head.Length, 64 * 1024)), SourceEncoding.Utf8, 0);

        var guess = FormatDetector.Detect(sample, FormatRegistry.All);

        Assert.Equal((ClefFormat.FormatName, 1.0, false), (guess.Format?.Name, guess.Score, guess.IsClose));
    }

    [Fact]
    public void Through_the_store_the_messages_come_back_unescaped()
    {
        using var dir = new TempFolder();
        using var store = EventStore.Open(dir.Combine("s.lcdb"));

        var r = Assert.Single(new IngestRunner(store, new IngestOptions()).Run([RepoPaths.File("sample-logs/formats-clef")]).ToList());
        var cols = store.Load(new EventScan { Kinds = [EventKind.Error] });
        var errors = store.Resolve(Enumerable.Range(0, cols.Count).Select(i => cols.Id[i]).ToList());
        var slow = store.Resolve([store.Load(new EventScan { Kinds = [EventKind.Info] }).Id[2]]);

        Assert.Equal(("WEBAPP02/Logs/orders-web-20240305.clef", FileOutcome.Ingested, 15L, "WEBAPP02", "in each timestamp"),
            (r.RelativePath, r.Outcome, r.Events, r.Host, r.Clock));
        Assert.Equal([Received, Sent, Refused, Sent], errors.Select(e => e.Message));
        Assert.Equal([7, 9, 10, 11], errors.Select(e => e.Line));
        Assert.Equal("Slow query for customer \"ACME GmbH\" took 2412 ms (threshold 2000 ms)", Assert.Single(slow).Message);
    }
}
