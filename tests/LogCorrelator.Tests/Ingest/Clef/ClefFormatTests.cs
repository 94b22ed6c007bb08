using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Formats.Clef;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Tests.Ingest.Clef;

public sealed class ClefFormatTests
{
    private const string Ccid = "6b1f0e2a-93c4-4d8e-a1f7-0c5d2e9b4a13";

    [Theory]
    [InlineData("2024-03-05T11:32:06.4801234Z", "2024-03-05 11:32:06.480")]
    [InlineData("2024-03-05T11:32:06Z", "2024-03-05 11:32:06.000")]
    [InlineData("2024-03-05T12:32:06.4801234+01:00", "2024-03-05 11:32:06.480")]
    [InlineData("2024-03-05T06:32:06.48-05:00", "2024-03-05 11:32:06.480")]
    public void Times_in_UTC_or_with_an_offset_are_read_as_UTC(string stamp, string utc)
    {
        var run = ClefRun.Lines($$"""{"@t":"{{stamp}}","@mt":"Outbox dispatcher started"}""");

        var e = Assert.Single(run.Events);
        Assert.Equal(utc, ClefRun.Utc(e.Time));
        Assert.Equal("in each timestamp", run.Context.Clock.Describe());
    }

    [Fact]
    public void A_line_without_a_level_is_an_information_event_with_its_template_as_message()
    {
        var run = ClefRun.Lines("""{"@t":"2024-03-05T11:30:00.1234567Z","@mt":"HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms","@r":["12.0315"],"RequestMethod":"GET","RequestPath":"/api/orders/13267","StatusCode":200,"Elapsed":12.0315,"SourceContext":"Serilog.AspNetCore.RequestLoggingMiddleware"}""");

        var e = Assert.Single(run.Events);
        Assert.Equal((EventKind.Info, (int?)null, 1), (e.Kind, e.Code, e.Line));
        Assert.Equal("HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms", run.Message(e));
        Assert.Empty(run.Problems);
    }

    [Fact]
    public void The_rendered_message_wins_over_the_template_wherever_it_stands()
    {
        var run = ClefRun.Lines("""{"@t":"2024-03-05T11:30:00Z","@mt":"Order {OrderId} shipped","@i":"8b1d7f3a","OrderId":48213,"@m":"Order 48213 shipped","@l":"Information"}""");

        Assert.Equal("Order 48213 shipped", run.Message(Assert.Single(run.Events)));
    }

    [Fact]
    public void The_level_does_not_make_an_error_only_a_database_error_does()
    {
        var run = ClefRun.Lines(
            """{"@t":"2024-03-05T11:30:00Z","@mt":"Payment provider returned 502","@l":"Error"}""",
            """{"@t":"2024-03-05T11:30:01Z","@mt":"Retrying","@l":"Warning"}""");

        Assert.Equal([EventKind.Info, EventKind.Info], run.Events.Select(e => e.Kind));
    }

    [Fact]
    public void A_SqlException_in_x_is_an_error_10054_with_its_connection_id_and_exception_line()
    {
        string x = SqlClientText.Received(Ccid);
        var run = ClefRun.Lines($$"""{"@t":"2024-03-05T11:32:06.4801234Z","@mt":"An unhandled exception has occurred while executing the request.","@l":"Error","@x":{{Json.Str(x)}},"MachineName":"WEBAPP02","SourceContext":"Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware","RequestPath":"/api/orders/48213"}""");

        var e = Assert.Single(run.Events);
        Assert.Equal((EventKind.Error, 10054, (string?)null, "WEBAPP02", "ccid=" + Ccid),
            (e.Kind, e.Code!.Value, e.SqlState, e.Host, e.Extra));
        Assert.Equal("2024-03-05 11:32:06.480", ClefRun.Utc(e.Time));
        Assert.Equal(SqlClientText.ReceivedLine, run.Message(e));
        Assert.Equal(SqlClientText.ReceivedLine, run.RawMessage(e));
    }

    [Fact]
    public void An_inner_SqlException_after_escaped_line_breaks_points_at_its_own_line()
    {
        string x = "System.InvalidOperationException: Could not load order 48213\r\n ---> " + SqlClientText.Received(Ccid);
        var run = ClefRun.Lines($$"""{"@t":"2024-03-05T11:32:06Z","@mt":"Order lookup failed","@x":{{Json.Str(x)}}}""");

        var e = Assert.Single(run.Events);
        Assert.Equal((EventKind.Error, 10054), (e.Kind, e.Code!.Value));
        Assert.Equal(SqlClientText.ReceivedLine, run.RawMessage(e));
    }

    [Fact]
    public void A_database_error_stated_in_the_message_alone_is_classified_and_keeps_the_message()
    {
        var run = ClefRun.Lines("""{"@t":"2024-03-05T11:32:07Z","@m":"Health check sql failed: A transport-level error has occurred when sending the request to the server. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)","@l":"Warning"}""");

        var e = Assert.Single(run.Events);
        Assert.Equal((EventKind.Error, 10054), (e.Kind, e.Code!.Value));
        Assert.StartsWith("Health check sql failed: A transport-level error", run.Message(e));
    }

    [Fact]
    public void Without_a_message_the_first_line_of_the_exception_is_the_message()
    {
        var run = ClefRun.Lines("""{"@t":"2024-03-05T11:32:07Z","@x":"System.TimeoutException: The operation has timed out.\r\n   at Orders.Web.Outbox.Dispatch()"}""");

        Assert.Equal("System.TimeoutException: The operation has timed out.", run.Message(Assert.Single(run.Events)));
    }

    [Fact]
    public void MachineName_names_the_host_and_later_lines_without_it_keep_that_host()
    {
        var run = ClefRun.Lines(
            """{"@t":"2024-03-05T11:30:00Z","@mt":"Starting"}""",
            """{"@t":"2024-03-05T11:30:01Z","@mt":"Started","MachineName":"WEBAPP02"}""",
            """{"@t":"2024-03-05T11:30:02Z","@mt":"Listening"}""");

        Assert.Equal(["WEBFOLDER", "WEBAPP02", "WEBAPP02"], run.Events.Select(e => e.Host));
        Assert.Equal("WEBAPP02", run.Context.SourceHost);
    }

    [Fact]
    public void The_user_host_beats_MachineName()
    {
        var run = ClefRun.Text("""{"@t":"2024-03-05T11:30:01Z","@mt":"Started","MachineName":"WEBAPP02"}""" + "\n", userHost: "web2");

        Assert.Equal("web2", Assert.Single(run.Events).Host);
    }

    [Fact]
    public void Escaped_characters_in_the_message_are_shown_unescaped_and_the_range_is_the_raw_string()
    {
        const string raw = """Customer \"ACME GmbH\" exported to D:\\exports\\caf\u00e9 \ud83d\ude00 in 3\t s""";
        var run = ClefRun.Lines($$"""{"@t":"2024-03-05T11:30:00Z","@m":"{{raw}}","@l":"Information"}""");

        var e = Assert.Single(run.Events);
        Assert.Equal(raw, run.RawMessage(e));
        Assert.Equal("Customer \"ACME GmbH\" exported to D:\\exports\\café 😀 in 3\t s", run.Message(e));
        Assert.Equal(("""{"@t":"2024-03-05T11:30:00Z","@m":""" + "\"").Length, e.MessageOffset);
    }

    [Fact]
    public void A_multi_line_message_keeps_its_first_line()
    {
        var run = ClefRun.Lines("""{"@t":"2024-03-05T11:30:00Z","@m":"Configuration reloaded:\n  Pool=200\n  Timeout=30"}""");

        Assert.Equal("Configuration reloaded:", run.Message(Assert.Single(run.Events)));
    }

    [Fact]
    public void Non_ASCII_before_the_message_is_counted_in_bytes()
    {
        var run = ClefRun.Lines("""{"@t":"2024-03-05T11:30:00Z","Tenant":"Müller & Söhne","@m":"Bestellung übermittelt"}""");

        var e = Assert.Single(run.Events);
        Assert.Equal("Bestellung übermittelt", run.Message(e));
        // Two characters of the tenant take two bytes each in UTF-8.
        Assert.Equal(("""{"@t":"2024-03-05T11:30:00Z","Tenant":"Müller & Söhne","@m":""" + "\"").Length + 2, e.MessageOffset);
    }

    [Fact]
    public void A_UTF16_file_maps_the_message_to_its_own_bytes()
    {
        string line = """{"@t":"2024-03-05T11:30:00Z","Tenant":"Söhne","@m":"Bestellung \"übermittelt\""}""";
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(line + "\r\n")];

        var run = ClefRun.File(bytes, "app.clef");

        var e = Assert.Single(run.Events);
        Assert.Equal(SourceEncoding.Utf16LE, run.Encoding);
        Assert.Equal((2L, 2 * line.IndexOf("Bestellung", StringComparison.Ordinal)), (e.Offset, e.MessageOffset));
        Assert.Equal("Bestellung \"übermittelt\"", run.Message(e));
    }

    [Fact]
    public void Bad_lines_are_reported_by_line_and_the_others_are_kept()
    {
        var run = ClefRun.Lines(
            """{"@t":"2024-03-05T11:30:00Z","@mt":"first"}""",
            """{"@t":"2024-03-05T11:30:01Z","@mt":"cut short""",
            "",
            "Hosting environment: Production",
            """{"@mt":"no time"}""",
            """{"@t":"5 March 2024","@mt":"odd time"}""",
            """{"@t":2024,"@mt":"number time"}""",
            """{"@t":"2024-03-05T11:30:02Z","@mt":"two objects"} {"@t":"2024-03-05T11:30:03Z"}""",
            """[1, 2, 3]""",
            """{"@t":"2024-03-05T11:30:04Z","@mt":"last"}""");

        Assert.Equal(["first", "last"], run.Events.Select(e => run.Message(e)));
        Assert.Equal([1, 10], run.Events.Select(e => e.Line));
        Assert.Equal(
        [
            (2, "not a CLEF event (malformed JSON)"),
            (4, "not a CLEF event (a line of plain text, not a JSON object)"),
            (5, "not a CLEF event (no @t timestamp)"),
            (6, "unreadable @t timestamp"),
            (7, "unreadable @t timestamp"),
            (8, "not a CLEF event (malformed JSON)"),
            (9, "not a CLEF event (a line of plain text, not a JSON object)"),
        ], run.Problems);
    }

    [Fact]
    public void An_event_spans_its_whole_line()
    {
        string first = """{"@t":"2024-03-05T11:30:00Z","@mt":"first"}""";
        var run = ClefRun.Text(first + "\r\n" + """{"@t":"2024-03-05T11:30:01Z","@mt":"second"}""");

        Assert.Equal([(0L, first.Length + 2), (first.Length + 2L, first.Length + 1)], run.Events.Select(e => (e.Offset, e.Length)));
        Assert.Equal(first + "\r\n", run.Entry(run.Events[0]));
    }

    [Theory]
    [InlineData(1.0, """{"@t":"2024-03-05T11:30:00Z","@mt":"a"}""", """{"@t":"2024-03-05T11:30:01Z","@m":"b"}""")]
    [InlineData(0.95, """{"@t":"2024-03-05T11:30:00Z","@mt":"a"}""", "2024-03-05 11:30:00.000 +00:00 [INF] b")]
    [InlineData(0.2, """{"time":"2024-03-05T11:30:00Z","level":"info","msg":"a"}""", """{"time":"2024-03-05T11:30:01Z","level":"info","msg":"b"}""")]
    [InlineData(0.0, "call Bob about the restart", "then check the pool")]
    public void Detection_is_sure_of_CLEF_lines_and_names_other_JSON_lines_a_weak_guess(double expected, string first, string second)
    {
        var sample = new SniffSample("app.log", [first, "", second], SourceEncoding.Utf8);

        Assert.Equal(expected, new ClefFormat().Score(sample), 3);
    }
}
