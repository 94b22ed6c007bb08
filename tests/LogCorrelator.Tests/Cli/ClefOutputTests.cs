using System.Text.Json;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Cli;

/// <summary>
/// <c>--format clef</c> of query and diagnose, written by Serilog.Formatting.Compact: read back by our own
/// CLEF ingester, the output gives the same events again.
/// </summary>
public sealed class ClefOutputTests : IClassFixture<SampleStore>
{
    private readonly SampleStore _sample;

    public ClefOutputTests(SampleStore sample) => _sample = sample;

    [Theory]
    [InlineData("events")]
    [InlineData("errors 10054 near restart within 5m")]
    public void Query_output_read_back_by_the_clef_ingester_gives_the_same_events(string query)
    {
        using var dir = new TempFolder();
        var clef = Cli.Run("query", query, "--store", _sample.Path, "--format", "clef");
        var json = Cli.Run("query", query, "--store", _sample.Path, "--format", "json");
        Assert.Equal((0, ""), (clef.ExitCode, clef.Err));
        string file = dir.File("export/results.clef", clef.Out);

        var ingest = Cli.Run("ingest", file, "--store", dir.Combine("back.lcdb"));
        var back = Cli.Run("query", "events", "--store", dir.Combine("back.lcdb"), "--format", "json");

        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("results.clef: clef, ", ingest.Out, StringComparison.Ordinal);
        var original = Events(json.Out);
        var readBack = Events(back.Out);
        Assert.NotEmpty(original);
        // Time, host and message of every event; the client errors keep their kind and code too. The CLEF
        // reader classifies client-side text only: a restart comes back as an app's info line, and a
        // server's login failure as the client error 18456 its words are.
        Assert.Equal(original.Select(e => (e.Time, e.Host, e.Message)), readBack.Select(e => (e.Time, e.Host, e.Message)));
        var pairs = original.Zip(readBack).ToList();
        Assert.All(pairs.Where(p => p.First.Kind == "error"), p => Assert.Equal(("error", p.First.Code), (p.Second.Kind, p.Second.Code)));
        Assert.All(pairs.Where(p => p.First.Kind != "error" && p.Second.Kind == "error"),
            p => Assert.Equal(("login-failed", "18456"), (p.First.Kind, p.Second.Code)));
    }

    [Fact]
    public void Each_line_carries_level_kind_code_source_and_the_related_restart()
    {
        var run = Cli.Run("query", "errors 10054 near restart within 5m", "--store", _sample.Path, "--format", "clef");

        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(6, lines.Count);
        var first = lines[0];
        Assert.Equal("2024-03-05T11:29:30.1180000Z", first.GetProperty("@t").GetString());
        Assert.Equal("Error", first.GetProperty("@l").GetString());
        Assert.Equal(("APPSRV01", "error", "10054", 393), (first.GetProperty("Host").GetString(), first.GetProperty("Kind").GetString(),
            first.GetProperty("Code").GetString(), first.GetProperty("Line").GetInt32()));
        Assert.EndsWith("APPSRV01/Logs/orders-api-20240305.log", first.GetProperty("Source").GetString(), StringComparison.Ordinal);
        var restart = Assert.Single(first.GetProperty("Related").EnumerateArray());
        Assert.Equal(("2024-03-05T11:32:04.310Z", "SQLPROD01", "restart", 154.192),
            (restart.GetProperty("Time").GetString(), restart.GetProperty("Host").GetString(), restart.GetProperty("Kind").GetString(),
             restart.GetProperty("DeltaSeconds").GetDouble()));
        Assert.StartsWith("Microsoft SQL Server 2019", restart.GetProperty("Message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Information_events_have_no_level_as_compact_json_omits_it_and_restarts_are_warnings()
    {
        var run = Cli.Run("query", "events where kind in (info, restart)", "--store", _sample.Path, "--format", "clef");

        var levels = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => (Kind: e.GetProperty("Kind").GetString(), Level: e.TryGetProperty("@l", out var l) ? l.GetString() : null))
            .Distinct()
            .Order();
        Assert.Equal([("info", null), ("restart", "Warning")], levels);
    }

    [Fact]
    public void A_table_answer_is_refused_in_one_line()
    {
        var run = Cli.Run("query", "errors | count by host", "--store", _sample.Path, "--format", "clef");

        Assert.Equal((2, "", "error: --format clef writes events; a '| count' or '| fields' answer is a table: use --format json or csv\n"),
            (run.ExitCode, run.Out, run.Err));
    }

    [Fact]
    public void Diagnose_writes_one_event_per_client_error_with_the_causes_that_explain_it()
    {
        var clef = Cli.Run("diagnose", "--store", _sample.Path, "--format", "clef");
        var json = JsonDocument.Parse(Cli.Run("diagnose", "--store", _sample.Path, "--format", "json").Out).RootElement;

        var lines = clef.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(10, lines.Count);
        var byCause = lines.SelectMany(l => l.GetProperty("Causes").EnumerateArray().Select(c => c.GetString()!))
            .GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var expected = json.GetProperty("causes").EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("explained").GetInt32());
        Assert.Equal(expected.OrderBy(p => p.Key), byCause.OrderBy(p => p.Key));
        Assert.All(lines.Where(l => l.GetProperty("Causes").GetArrayLength() > 0), l => Assert.NotEqual(0, l.GetProperty("Related").GetArrayLength()));
    }

    [Fact]
    public void The_tools_own_log_is_clef_with_the_command_its_redacted_arguments_and_how_it_ended()
    {
        using var dir = new TempFolder();
        string log = dir.Combine("logcorr.clef");

        var run = Cli.Run("query", "errors where message ~ \"Password=hunter2\"", "--store", _sample.Path, "--log", log);

        Assert.Equal(0, run.ExitCode);
        var lines = File.ReadAllLines(log).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["logcorr {Command} started with {Arguments}", "logcorr {Command} ended with exit code {ExitCode} after {ElapsedMs} ms"],
            lines.Select(l => l.GetProperty("@mt").GetString()));
        Assert.Equal("query", lines[0].GetProperty("Command").GetString());
        Assert.Equal("errors where message ~ \"Password=*****\"", lines[0].GetProperty("Arguments")[1].GetString());
        Assert.Equal(0, lines[1].GetProperty("ExitCode").GetInt32());
        Assert.DoesNotContain("hunter2", File.ReadAllText(log), StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_file_that_cannot_be_written_is_one_line_and_exit_1()
    {
        using var dir = new TempFolder();

        var run = Cli.Run("query", "errors", "--store", _sample.Path, "--log", dir.Combine("missing/folder") + "/x.clef");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: --log '", run.Err, StringComparison.Ordinal);
        Assert.Single(run.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private sealed record Row(string? Time, string? Host, string Kind, string? Code, string Message);

    private static List<Row> Events(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("matches").EnumerateArray()
            .Select(m => new Row(m.GetProperty("time").GetString(), m.GetProperty("host").GetString(), m.GetProperty("kind").GetString()!,
                m.GetProperty("code").GetString(), m.GetProperty("message").GetString()!))
            .Where(r => r.Time is not null)
            .OrderBy(r => r.Time, StringComparer.Ordinal).ThenBy(r => r.Message, StringComparer.Ordinal)
            .ToList();
}
