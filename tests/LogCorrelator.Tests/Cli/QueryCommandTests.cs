using System.Text.Json;

namespace LogCorrelator.Tests.Cli;

public sealed class QueryCommandTests : IClassFixture<SampleStore>
{
    private readonly SampleStore _store;

    public QueryCommandTests(SampleStore store) => _store = store;

    private Cli Query(params string[] args) => Cli.Run(["query", .. args, "--store", _store.Path]);

    [Fact]
    public void Count_prints_a_table_of_its_rows()
    {
        var run = Query("errors | count by code");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("CODE   COUNT\n10054  9\n-2     1\n2 rows\n", run.Out);
    }

    [Fact]
    public void A_histogram_prints_its_buckets_as_times()
    {
        var run = Query("errors since 2024-03-05 11:47 | count per 1m");
        Assert.Equal("TIME                     COUNT\n2024-03-05 11:47:00.000  2\n1 row\n", run.Out);
    }

    [Fact]
    public void Count_in_json_puts_rows_beside_empty_matches()
    {
        var run = Query("errors | count by host, code", "--format", "json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal("errors | count by host, code", root.GetProperty("query").GetString());
        Assert.Equal(0, root.GetProperty("matches").GetArrayLength());
        Assert.Equal(["host", "code", "count"], root.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("APPSRV01", rows[0].GetProperty("host").GetString());
        Assert.Equal("10054", rows[0].GetProperty("code").GetString());
        Assert.Equal(9, rows[0].GetProperty("count").GetInt64());
        Assert.Equal("-2", rows[1].GetProperty("code").GetString());
        Assert.Equal(1, rows[1].GetProperty("count").GetInt64());
    }

    [Fact]
    public void Json_of_a_relation_keeps_its_matches_and_adds_empty_columns_and_rows()
    {
        var run = Query("errors after kill within 30s on host = peer", "--format", "json");
        using var json = JsonDocument.Parse(run.Out);
        var matches = json.RootElement.GetProperty("matches").EnumerateArray().ToList();
        Assert.Equal(2, matches.Count);
        Assert.Equal("2024-03-05T11:47:23.015Z", matches[0].GetProperty("time").GetString());
        var related = Assert.Single(matches[0].GetProperty("related").EnumerateArray());
        Assert.Equal("kill", related.GetProperty("kind").GetString());
        Assert.Equal(-0.615, related.GetProperty("deltaSeconds").GetDouble());
        Assert.Equal(0, json.RootElement.GetProperty("columns").GetArrayLength());
        Assert.Equal(0, json.RootElement.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public void Fields_print_as_a_table_and_as_csv()
    {
        var table = Query("kill | fields time, spid, peer");
        Assert.Equal("TIME                     SPID  PEER\n2024-03-05 11:47:22.400  87    APPSRV01\n1 match\n", table.Out);
        var csv = Query("kill | fields time, spid, peer", "--format", "csv");
        Assert.Equal("time,spid,peer\n2024-03-05T11:47:22.400Z,87,APPSRV01\n", csv.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Tz_reads_the_query_times_in_that_zone()
    {
        var run = Query("errors between 2024-03-05 06:47 and 2024-03-05 06:48", "--tz", "-05:00");
        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("2 matches\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("2024-03-05 11:47:23.015", run.Out, StringComparison.Ordinal);
        Assert.Equal("1 match\n", Query("kill since 2024-03-05 06:47", "--tz", "America/New_York").Out.Split('\n', 2)[1][^8..]);
    }

    [Fact]
    public void An_unknown_zone_is_a_usage_error()
    {
        var run = Query("errors", "--tz", "Mars/Olympus");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --tz 'Mars/Olympus': unknown zone", run.Err, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void Explain_prints_the_plan_instead_of_the_answer()
    {
        var run = Query("errors 10054 near restart within 5m", "--explain");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("query   errors 10054 near restart within 5m\nleft    errors 10054\n  scan    kind error, code 10054 -> ~9 rows\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("join 1  near restart within 5m: right time in [t - 300000ms, t + 300000ms]", run.Out, StringComparison.Ordinal);
        Assert.Contains("    scan    kind restart -> ~2 rows\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regular_expression_that_does_not_compile_exits_2_with_its_position()
    {
        var run = Query("errors where message ~ \"forcibly [closed\"");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            "error: invalid regular expression at column 41: Unterminated [] set\n"
            + "  errors where message ~ \"forcibly [closed\"\n"
            + "                                          ^\n",
            run.Err);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void A_saved_query_reference_is_not_taken_for_a_response_file()
    {
        var run = Query("@unexplained");
        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("1 match\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("2024-03-05 10:15:00.250  APPSRV01  error  10054", run.Out, StringComparison.Ordinal);
    }
}
