using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Formats.AppLog;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Tests.Ingest.AppLog;

public sealed class AppLogFormatTests
{
    private const string Served = "2024-03-05 12:31:59.870 +01:00 [INF] HTTP GET /api/orders/48377 responded 200 in 4.1 ms";
    private const string Failed = "2024-03-05 12:32:06.480 +01:00 [ERR] An unhandled exception has occurred while executing the request.";
    private const string Exception = "Microsoft.Data.SqlClient.SqlException (0x80131904): A transport-level error has occurred when receiving results from the server. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)";
    private const string Frame = "   at Microsoft.Data.SqlClient.SqlConnection.OnError(SqlException exception, Boolean breakConnection, Action`1 wrapCloseInAction)";
    private const string ConnectionId = "ClientConnectionId:9a41c3e7-2b8d-4e65-b0f2-5d7e9c1a3b84";
    private const string Number = "Error Number:10054,State:0,Class:20";
    private const string Next = "2024-03-05 12:32:06.482 +01:00 [ERR] HTTP GET /api/orders/48377 responded 500 in 4.1 ms";

    private static int Bytes(string s) => Encoding.UTF8.GetByteCount(s);

    [Fact]
    public void A_stack_trace_is_one_event_with_the_exception_line_as_its_message()
    {
        string[] lines = [Served, Failed, Exception, Frame, ConnectionId, Number, Next];
        var run = AppLogRun.Text(string.Join("\n", lines) + "\n");

        Assert.Equal(3, run.Events.Count);
        LogEvent error = run.Events[1];
        Assert.Equal(EventKind.Error, error.Kind);
        Assert.Equal(10054, error.Code);
        Assert.Null(error.SqlState);
        Assert.Equal("ccid=9a41c3e7-2b8d-4e65-b0f2-5d7e9c1a3b84", error.Extra);
        Assert.Equal("APPSRV01", error.Host);
        Assert.Equal("2024-03-05 11:32:06.480", AppLogRun.Utc(error.Time));
        Assert.Equal(2, error.Line);
        Assert.Equal(Bytes(Served) + 1, error.Offset);
        Assert.Equal(Bytes(Failed) + Bytes(Exception) + Bytes(Frame) + Bytes(ConnectionId) + Bytes(Number) + 5, error.Length);
        Assert.Equal(Bytes(Failed) + 1, error.MessageOffset);
        Assert.Equal(Exception, run.Message(error));

        Assert.Equal(EventKind.Info, run.Events[0].Kind);
        Assert.Equal(EventKind.Info, run.Events[2].Kind);
        Assert.Equal(7, run.Events[2].Line);
        Assert.Equal("HTTP GET /api/orders/48377 responded 500 in 4.1 ms", run.Message(run.Events[2]));
    }

    [Fact]
    public void An_error_level_entry_without_a_database_error_is_info()
    {
        const string text = """
            2024-03-05 12:05:17.902 +01:00 [ERR] An unhandled exception has occurred while executing the request.
            System.NullReferenceException: Object reference not set to an instance of an object.
               at Orders.Api.Controllers.CustomersController.GetSummary(Int32 id, CancellationToken cancellationToken) in D:\src\Orders.Api\Controllers\CustomersController.cs:line 88
            2024-03-05 12:05:18.001 +01:00 [ERR] Upstream call failed
            System.Net.Http.HttpRequestException: An error occurred while sending the request.
             ---> System.IO.IOException: Unable to read data from the transport connection: An existing connection was forcibly closed by the remote host.
             ---> System.Net.Sockets.SocketException (10054): An existing connection was forcibly closed by the remote host.

            """;
        var run = AppLogRun.Text(text);

        Assert.Equal(2, run.Events.Count);
        Assert.All(run.Events, e => Assert.Equal(EventKind.Info, e.Kind));
        Assert.All(run.Events, e => Assert.Null(e.Code));
        Assert.Equal("An unhandled exception has occurred while executing the request.", run.Message(run.Events[0]));
        Assert.Equal("Upstream call failed", run.Message(run.Events[1]));
    }

    [Fact]
    public void A_database_error_inline_in_the_message_is_found_there()
    {
        const string line = "2024-03-05 11:32:15,123 [7] WARN Orders.Worker - Retry 1 after Microsoft.Data.SqlClient.SqlException (0x80131904): Login failed for user 'orders_app'.";
        var run = AppLogRun.Text(line + "\n");

        LogEvent e = Assert.Single(run.Events);
        Assert.Equal(EventKind.Error, e.Kind);
        Assert.Equal(18456, e.Code);
        Assert.Equal("Microsoft.Data.SqlClient.SqlException (0x80131904): Login failed for user 'orders_app'.", run.Message(e));
    }

    [Fact]
    public void Crlf_and_multibyte_text_keep_byte_offsets_exact()
    {
        const string first = "2024-03-05 10:00:00.000 +01:00 [INF] Café opened ✓";
        const string second = "2024-03-05 10:00:01.000 +01:00 [ERR] Échec de la commande";
        const string odbc = "[08S01] [Microsoft][ODBC Driver 17 for SQL Server]TCP Provider: An existing connection was forcibly closed by the remote host.";
        var run = AppLogRun.Text(first + "\r\n" + second + "\r\n" + odbc + "\r\n");

        Assert.Equal(2, run.Events.Count);
        Assert.Equal("Café opened ✓", run.Message(run.Events[0]));
        Assert.Equal(Bytes(first) + 2, run.Events[1].Offset);
        Assert.Equal(Bytes(second) + Bytes(odbc) + 4, run.Events[1].Length);
        // No exception type to point at: the message stays the line's own text.
        Assert.Equal("Échec de la commande", run.Message(run.Events[1]));
        Assert.Equal(EventKind.Error, run.Events[1].Kind);
        Assert.Equal(10054, run.Events[1].Code);
        Assert.Equal("08S01", run.Events[1].SqlState);
    }

    [Fact]
    public void The_host_is_the_machine_the_line_names_else_the_folder()
    {
        const string text = """
            2024-03-05 10:00:00.000 [INF] MachineName=WEB02 Starting
            2024-03-05 10:00:01.000 [INF] No machine named here
            2024-03-05 10:00:02.000 [INF] {"Machine": "WEB03", "Message": "json-ish"}

            """;
        var named = AppLogRun.Text(text);
        Assert.Equal(["WEB02", "WEB02", "WEB03"], named.Events.Select(e => e.Host));
        Assert.Equal("WEB02", named.Context.SourceHost);

        var user = AppLogRun.Text(text, userHost: "CLI01");
        Assert.All(user.Events, e => Assert.Equal("CLI01", e.Host));

        var folder = AppLogRun.Text("2024-03-05 10:00:00.000 [INF] host process ID 4412 on localhost:5000\n");
        Assert.Equal("APPSRV01", Assert.Single(folder.Events).Host);
    }

    [Fact]
    public void Text_before_the_first_timestamp_is_reported_once_and_skipped()
    {
        const string text = "   at Orders.Api.Program.Main()\n\n--- End of stack trace ---\n2024-03-05 10:00:00.000 [INF] Started\n";
        var run = AppLogRun.Text(text);

        LogEvent e = Assert.Single(run.Events);
        Assert.Equal(4, e.Line);
        Assert.Equal([(1, "2 lines before the first timestamped entry were skipped")], run.Problems);
    }

    [Fact]
    public void Random_text_never_breaks_the_entries_apart_from_the_file()
    {
        var random = new Random(42);
        string[] pieces = [Served, Failed, Exception, Frame, Number, "", "   at X.Y()", "2024-03-05", "[2024-03-05 10:00:00.000] [INF] é", "\u0000\u00ff garbage"];
        var sb = new StringBuilder();
        for (int i = 0; i < 400; i++)
            sb.Append(pieces[random.Next(pieces.Length)]).Append(random.Next(3) == 0 ? "\r\n" : "\n");
        byte[] bytes = Encoding.UTF8.GetBytes(sb.ToString());

        var run = AppLogRun.File(bytes, "fuzz.log");

        // Entries tile the file from the first timestamped line to the end, in order, with no gap.
        long expected = run.Events[0].Offset;
        foreach (LogEvent e in run.Events)
        {
            Assert.Equal(expected, e.Offset);
            Assert.InRange(e.MessageOffset + e.MessageLength, 0, e.Length);
            expected += e.Length;
        }
        Assert.Equal(bytes.Length, expected);
    }

    [Fact]
    public void Serilog_lines_score_high()
    {
        string[] lines = [Served, Failed, Exception, Frame, ConnectionId, Number, Next, Served];
        double score = new AppLogFormat().Score(new SniffSample("orders-api.log", lines, SourceEncoding.Utf8));
        // 4 of 8 lines are timestamped, all with a level: 0.75 + 0.2 * 4/8.
        Assert.Equal(0.85, score, 6);
    }

    [Fact]
    public void Errorlog_lines_score_low_and_are_left_to_the_errorlog_format()
    {
        string[] lines =
        [
            "2024-03-05 06:32:04.31 Server      Microsoft SQL Server 2019 (RTM-CU22) (KB5027702) - 15.0.4322.2 (X64) ",
            "\tJul 27 2023 18:11:00 ",
            "\tCopyright (C) 2019 Microsoft Corporation",
            "2024-03-05 06:32:04.31 Server      UTC adjustment: -5:00",
            "2024-03-05 06:32:04.31 Server      Server process ID is 2212.",
            "2024-03-05 05:58:13.27 Logon       Error: 18456, Severity: 14, State: 8.",
            "2024-03-05 06:47:22.40 spid87      Process ID 87 was killed by hostname APPSRV01, host process ID 4412.",
            "2024-03-05 06:32:15.88 spid9s      SQL Server is now ready for client connections.",
        ];
        double score = new AppLogFormat().Score(new SniffSample("ERRORLOG", lines, SourceEncoding.Utf16LE));
        // 6 of 8 lines are timestamped and every one has a process column: 0.2 * 6/8.
        Assert.Equal(0.15, score, 6);
    }

    [Theory]
    [InlineData("{\"@t\":\"2024-03-05T11:32:15.123Z\",\"@mt\":\"Started\"}")]
    [InlineData("Proto Local Address Foreign Address State")]
    public void Lines_without_timestamps_score_zero(string line) =>
        Assert.Equal(0, new AppLogFormat().Score(new SniffSample("x.log", [line, line], SourceEncoding.Utf8)));

    [Fact]
    public void Timestamps_without_levels_score_at_most_point_six()
    {
        string[] lines = ["2024-03-05 10:00:00.000 Started", "2024-03-05 10:00:01.000 Stopped"];
        Assert.Equal(0.6, new AppLogFormat().Score(new SniffSample("x.log", lines, SourceEncoding.Utf8)), 6);
    }
}
