using LogCorrelator.Query;
using LogCorrelator.Query.Syntax;

namespace LogCorrelator.Tests.Query;

public sealed class QuerySyntaxErrorTests
{
    public static TheoryData<string, string> Cases => CaseFile.Read("tests/LogCorrelator.Tests/Query/Cases/syntax-errors.cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_invalid_query_reports_position_expectations_and_a_suggestion(string query, string expected)
    {
        Assert.False(QueryParser.TryParse(query, out _, out var error));
        Assert.Equal(expected, error.Format());
    }

    [Fact]
    public void The_brief_example_exposes_column_length_and_suggestion()
    {
        var e = Assert.Throws<QuerySyntaxException>(() => QueryParser.Parse("errors 10054 nera restart within 5m"));
        Assert.Equal(14, e.Column);
        Assert.Equal(4, e.Length);
        Assert.Equal("near", e.Suggestion);
        Assert.Equal(1, e.Error.Line);
        Assert.Equal(
            ["where", "between", "since", "last", "not", "near", "after", "before", "a quoted text", "','", "'('", "'|'", "end of query"],
            e.Error.Expected);
        Assert.Equal(
            "unexpected 'nera' at column 14, expected where, between, since, last, not, near, after, before, a quoted text, ',', '(', '|' or end of query",
            e.Error.Message);
        Assert.StartsWith("error: unexpected 'nera' at column 14,", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_query_asks_for_a_set()
    {
        Assert.False(QueryParser.TryParse("", out _, out var error));
        Assert.Equal(1, error.Column);
        Assert.Equal(1, error.Length);
        Assert.Equal(
            "unexpected end of query at column 1, expected errors, restart, ready, shutdown, kill, failover, login-failed, "
            + "server-errors, timewait, rst, netconfig, probe, events, a saved query like @unexplained or '('",
            error.Message);
        Assert.Null(error.Suggestion);
        Assert.Null(error.Hint);
    }

    [Fact]
    public void A_missing_window_is_named_as_such()
    {
        Assert.False(QueryParser.TryParse("errors near restart", out _, out var error));
        Assert.Equal(["where", "within", "a quoted text"], error.Expected);
        Assert.Equal("a relation needs a time window, e.g. 'within 5m'", error.Hint);
        Assert.Null(error.Suggestion);
    }

    [Fact]
    public void Tabs_show_as_single_spaces_so_the_caret_lines_up()
    {
        Assert.False(QueryParser.TryParse("errors\tnera restart within 5m", out _, out var error));
        Assert.Equal(8, error.Column);
        Assert.Equal(
            "error: unexpected 'nera' at column 8, expected where, between, since, last, not, near, after, before, an error code,"
            + " a quoted text, '(', '|' or end of query\n"
            + "  errors nera restart within 5m\n"
            + "         ^^^^\n"
            + "  did you mean 'near'?",
            error.Format());
    }
}
