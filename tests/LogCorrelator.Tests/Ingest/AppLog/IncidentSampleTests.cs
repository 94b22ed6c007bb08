using LogCorrelator.Tests.Support;
using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Formats.AppLog;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Store;
using LogCorrelator.Text;

namespace LogCorrelator.Tests.Ingest.AppLog;

/// <summary>The app-log half of sample-logs/incident-restart (the timeline of the shared scenario).</summary>
public sealed class IncidentSampleTests
{
    private const string Relative = "sample-logs/incident-restart/APPSRV01/Logs/orders-api-20240305.log";
    private static readonly AppLogRun Run = AppLogRun.File(System.IO.File.ReadAllBytes(RepoPaths.File(Relative)), RepoPaths.File(Relative));

    private const string Received = "Microsoft.Data.SqlClient.SqlException (0x80131904): A transport-level error has occurred when receiving results from the server. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)";
    private const string Sent = "Microsoft.Data.SqlClient.SqlException (0x80131904): A transport-level error has occurred when sending the request to the server. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)";
    private const string TimedOut = "Microsoft.Data.SqlClient.SqlException (0x80131904): Execution Timeout Expired.  The timeout period elapsed prior to completion of the operation or the server is not responding.";

    // The file's local times are UTC+01:00, so each is one hour earlier here; line is the entry's first line.
    public static TheoryData<int, string, int, string, int, string> Errors => new()
    {
        { 0, "2024-03-05 10:15:00.250", 10054, "6b1f0e2a-93c4-4d8e-a1f7-0c5d2e9b4a13", 55, Received },
        { 1, "2024-03-05 11:28:41.337", -2, "c4d2a7e9-5f13-4b6a-8e20-7a9b1d3c5e48", 345, TimedOut },
        { 2, "2024-03-05 11:29:30.118", 10054, "0e8c6b52-1d47-4f39-9a6e-b2c4d8f1a736", 393, Received },
        { 3, "2024-03-05 11:32:06.480", 10054, "9a41c3e7-2b8d-4e65-b0f2-5d7e9c1a3b84", 449, Received },
        { 4, "2024-03-05 11:32:07.112", 10054, "3f7d2c91-8e4a-4b1f-96d3-e0a5b7c2d948", 496, Sent },
        { 5, "2024-03-05 11:32:09.950", 10054, "d82e5a14-7c3b-4f90-8b16-4a9e2f7c0d35", 535, Received },
        { 6, "2024-03-05 11:32:31.004", 10054, "71b9e4d3-0a6c-4c28-bd57-93f1e8a2c460", 582, Sent },
        { 7, "2024-03-05 11:33:02.771", 10054, "5c0a8f36-e2d9-4b71-a4e8-1f6b3d9c7a52", 621, Received },
        { 8, "2024-03-05 11:47:23.015", 10054, "e6f3b1a8-4d2c-4e97-8a05-c7d9e2b4f613", 715, Sent },
        { 9, "2024-03-05 11:47:24.502", 10054, "2a9d7e4c-b3f1-4860-9e2a-d5c8f0b1a729", 755, Sent },
    };

    private static List<LogEvent> ErrorEvents() => Run.Events.Where(e => e.Kind == EventKind.Error).ToList();

    [Fact]
    public void Every_timestamped_line_is_one_event_and_exactly_ten_are_errors()
    {
        // 363 lines of the file start with a timestamp; the rest are the stack traces under them.
        Assert.Equal(363, Run.Events.Count);
        Assert.Equal(10, ErrorEvents().Count);
        Assert.Empty(Run.Problems);
        Assert.All(Run.Events, e => Assert.Equal("APPSRV01", e.Host));
        Assert.Equal("2024-03-05 10:00:00.412", AppLogRun.Utc(Run.Events[0].Time));
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void Each_error_has_its_time_code_connection_id_and_exception_line(int index, string utc, int code, string ccid, int line, string message)
    {
        LogEvent e = ErrorEvents()[index];
        Assert.Equal(utc, AppLogRun.Utc(e.Time));
        Assert.Equal(code, e.Code);
        Assert.Null(e.SqlState);
        Assert.Equal("APPSRV01", e.Host);
        Assert.Equal("ccid=" + ccid, e.Extra);
        Assert.Equal(line, e.Line);
        Assert.Equal(message, Run.Message(e));

        string entry = Run.Entry(e);
        string local = DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture).AddHours(1).ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith(local + " +01:00 [ERR] ", entry);
        Assert.EndsWith($"Error Number:{code},State:0,Class:{(code == -2 ? 11 : 20)}\n", entry);
    }

    [Fact]
    public void The_null_reference_in_a_controller_is_info()
    {
        LogEvent e = Run.Events.Single(x => x.Line == 253);
        Assert.Equal(EventKind.Info, e.Kind);
        Assert.Null(e.Code);
        Assert.Equal("2024-03-05 11:05:17.902", AppLogRun.Utc(e.Time));
        Assert.Equal("An unhandled exception has occurred while executing the request.", Run.Message(e));
        Assert.Contains("System.NullReferenceException", Run.Entry(e));
    }

    [Fact]
    public void The_sample_scores_as_an_app_log()
    {
        var lines = System.IO.File.ReadLines(RepoPaths.File(Relative)).Take(50).ToList();
        // The first 50 lines are all timestamped Serilog lines with a level: 0.75 + 0.2 * 50/50.
        Assert.Equal(0.95, new AppLogFormat().Score(new SniffSample("orders-api-20240305.log", lines, SourceEncoding.Utf8)), 6);
    }

    [Fact]
    public void The_password_in_the_logged_connection_string_never_leaves_the_file()
    {
        const string secret = "S3cr3t!";
        Assert.All(Run.Events, e =>
        {
            Assert.DoesNotContain(secret, e.Extra ?? "");
            Assert.DoesNotContain(secret, e.Host ?? "");
            Assert.DoesNotContain(secret, e.SqlState ?? "");
            Assert.DoesNotContain(secret, Redactor.Redact(Run.Message(e)));
        });
        LogEvent logged = Run.Events.Single(e => e.Line == 3);
        Assert.Equal(
            "Connection string: Data Source=SQLPROD01;Initial Catalog=Orders;User ID=orders_app;Password=*****;Encrypt=False;TrustServerCertificate=True;Max Pool Size=200;Application Name=Orders.Api",
            Redactor.Redact(Run.Message(logged)));
    }

    [Fact]
    public void Through_the_store_no_event_shows_the_password()
    {
        string dir = Directory.CreateTempSubdirectory("logcorr-applog-").FullName;
        try
        {
            string path = RepoPaths.File(Relative);
            using (var store = EventStore.Open(Path.Combine(dir, EventStore.DefaultFileName)))
            {
                using (var writer = store.BeginSource(path, "APPSRV01/Logs/orders-api-20240305.log", "applog", SourceEncoding.Utf8, Run.Bytes.Length, 0))
                {
                    foreach (LogEvent e in Run.Events)
                    {
                        LogEvent copy = e;
                        writer.Add(ref copy);
                    }
                    writer.Commit(Run.Context.Clock, Run.Context.SourceHost, 0);
                }
                EventSet all = store.Load(new EventScan());
                var shown = store.Resolve(all.Id.AsSpan(0, all.Count).ToArray());
                Assert.Equal(363, shown.Count);
                Assert.All(shown, s => Assert.DoesNotContain("S3cr3t!", s.Message + s.Extra + s.Host));
                Assert.All(shown, s => Assert.DoesNotContain("S3cr3t!", store.RawText(s.Id)));
                Assert.Equal(10, shown.Count(s => s.Kind == EventKind.Error));
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
