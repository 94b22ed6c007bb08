using LogCorrelator.Events;
using LogCorrelator.Query;
using LogCorrelator.Query.Syntax;
using LogCorrelator.Tests.Cli;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Query;

/// <summary>
/// Nesting and length past the limits are a query error with a caret where the limit is crossed,
/// found before the recursive descent (5,000 parentheses overflowed its stack, 1,001 'not's SQLite's).
/// </summary>
public sealed class QueryLimitsTests
{
    private const string Where = "events where ";

    [Fact]
    public void The_65th_not_in_a_row_is_pointed_at()
    {
        string query = Where + string.Concat(Enumerable.Repeat("not ", 1001)) + "host = a";

        Assert.False(QueryParser.TryParse(query, out _, out var error));

        // "events where " is 13 characters and each "not " 4: the 65th not starts at column 14 + 64 * 4.
        Assert.Equal("the query nests deeper than 64 levels of parentheses and 'not' at column 270", error.Message);
        Assert.Equal((270, 3), (error.Column, error.Length));
    }

    [Fact]
    public void The_65th_open_parenthesis_is_pointed_at()
    {
        string query = Where + new string('(', 5000) + "host = a" + new string(')', 5000);

        Assert.False(QueryParser.TryParse(query, out _, out var error));

        Assert.Equal("the query nests deeper than 64 levels of parentheses and 'not' at column 78", error.Message);
        Assert.Equal((78, 1), (error.Column, error.Length));
    }

    [Fact]
    public void Parentheses_and_nots_add_up()
    {
        string query = Where + string.Concat(Enumerable.Repeat("not (", 33)) + "host = a" + new string(')', 33);

        Assert.False(QueryParser.TryParse(query, out _, out var error));

        // not ( x 32 is 64 levels; the 33rd not is the 65th.
        Assert.Equal(Where.Length + 32 * 5 + 1, error.Column);
    }

    [Fact]
    public void Sixty_four_levels_parse()
    {
        string query = Where + new string('(', 32) + string.Concat(Enumerable.Repeat("not ", 32)) + "host = a" + new string(')', 32);

        Assert.True(QueryParser.TryParse(query, out _, out var error), error?.Message);
    }

    [Fact]
    public void Parentheses_inside_a_quoted_text_nest_nothing()
    {
        string query = Where + "message ~ \"" + new string('(', 100) + "x\"\"" + new string(')', 100) + "\" and host = a";

        Assert.True(QueryParser.TryParse(query, out _, out var error), error?.Message);
    }

    [Fact]
    public void A_query_over_64_KB_is_refused_at_the_first_character_past_the_limit()
    {
        string query = Where + "message ~ \"" + new string('x', 70_000) + "\"";

        Assert.False(QueryParser.TryParse(query, out _, out var error));

        Assert.Equal("the query is longer than 65536 characters at column 65537", error.Message);
    }

    [Fact]
    public void A_where_of_1100_comparisons_runs()
    {
        // On the SQLite store this was "Expression tree is too large": an internal error, exit 1.
        using var builder = new StoreBuilder();
        builder.Source("APPSRV01/app.log", "APPSRV01").Event("12:00:00.000", EventKind.Info, "ok", spid: 1100);
        string query = Where + string.Join(" or ", Enumerable.Range(1, 1100).Select(n => $"spid = {n}"));

        var result = QueryEngine.Run(builder.Build(), query);

        Assert.Equal(["12:00:00.000 info - APPSRV01"], MatchText.Of(result));
    }

    [Fact]
    public void The_cli_gives_a_query_error_and_exit_code_2_for_deep_nesting()
    {
        string query = Where + string.Concat(Enumerable.Repeat("not ", 1001)) + "host = a";

        var run = CliRun.Of("query", query, "--store", "no-store-needed-for-a-query-error.lcdb");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: the query nests deeper than 64 levels of parentheses and 'not' at column 270", run.Err[0]);
        Assert.Equal(new string(' ', 2 + 269) + "^^^", run.Err[2]);
        Assert.Equal(3, run.Err.Length);
    }
}
