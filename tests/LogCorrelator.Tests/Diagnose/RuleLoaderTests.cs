using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Query.Ast;

namespace LogCorrelator.Tests.Diagnose;

/// <summary>A rule file with a mistake fails loudly, naming the file, the field and what is wrong.</summary>
public sealed class RuleLoaderTests
{
    [Fact]
    public void Every_structured_field_is_read()
    {
        var rule = SomeRules.Make("keep", "errors 64 after events within 36s on host",
            "lag: [35s, 35.6s]\nunless: near (restart or kill) within 5m\nminErrors: 2\nsays: come {lag} after {anchors}");

        Assert.Equal(new LagRange(35_000, 35_600), rule.Lag);
        Assert.Equal(300_000, rule.Unless!.Window.Before);
        Assert.False(rule.Unless.Negated);
        Assert.Equal(2, rule.MinErrors);
        Assert.Equal("come {lag} after {anchors}", rule.Says);
        Assert.False(rule.IsAnchored);
    }

    [Fact]
    public void Quiet_settle_requires_and_also_are_read()
    {
        var rule = SomeRules.Make("quiet", "errors 10054", """
            quietBefore: 4m
            settle: 5s
            requires:
              query: netconfig
              where: chimney = enabled
              host: server
            also:
              - server-errors 17832 near errors within 2s
            """);

        Assert.Equal(new QuietWindow(240_000, 5_000), rule.Quiet);
        Assert.True(rule.Requires!.OnServer);
        Assert.Equal([Field.Chimney], rule.Requires.Tested);
        Assert.Equal("netconfig", rule.Requires.Query);
        Assert.IsType<FilteredSetNode>(rule.Requires.Node.Left);
        Assert.Single(rule.Also);
    }

    [Theory]
    [InlineData("query: errors 10054\nwhere: count >= 3", "x.yaml: where: filters the query's right-hand set, and the query has none")]
    [InlineData("query: errors 10054\nlag: [1s, 2s]", "x.yaml: lag: needs a query that relates errors to another set (near/after/before)")]
    [InlineData("query: errors after kill within 1m\nlag: [5s, 2s]", "x.yaml: lag: must be [MIN, MAX] durations like [35s, 35.6s], MIN <= MAX")]
    [InlineData("query: restart near errors within 1m", "x.yaml: query: must start with 'errors': a rule explains client errors")]
    [InlineData("query: errors near restart within 1m and near kill within 1m", "x.yaml: query: one relation at most (near, after or before); say the rest with unless, quietBefore or requires")]
    [InlineData("query: errors 10054 | first 5", "x.yaml: query: a rule's query has no pipes: it selects events, it does not shape output")]
    [InlineData("query: errors 10054\nsettle: 5s", "x.yaml: settle: only means something with quietBefore")]
    [InlineData("query: errors 10054\nunless: not near restart within 1m", "x.yaml: unless: must be a relation such as 'near (restart or kill) within 5m'")]
    [InlineData("query: errors 10054\nkeyFallback: true", "x.yaml: keyFallback: needs a query with 'on host' or 'on host = peer'")]
    [InlineData("query: errors 10054\nsays: follow {anchor}", "x.yaml: says: unknown placeholder {anchor}; known: {anchors}, {lag}, {when}, {hosts}, {quiet}, {required}")]
    [InlineData("query: errors after rst within 2s\nwhere: port = 1433 near restart within 1m", "x.yaml: where: 'port = 1433 near restart within 1m' is not a filter like 'count >= 3900' or 'chimney = enabled and host = SQLPROD03'")]
    [InlineData("query: errors 10053\nfollows:\n  rule: x\n  within: [0s, 10m]", "x.yaml: follows.rule: a rule cannot follow itself")]
    [InlineData("query: errors 10053\nfollows:\n  rule: keepalive\n  within: [10m]", "x.yaml: follows.within: must be [MIN, MAX] durations like [0s, 10m], MIN <= MAX")]
    [InlineData("query: errors 10053 after restart within 5m\nfollows:\n  rule: keepalive\n  within: [0s, 10m]", "x.yaml: follows: the window is the rule's relation: its query has no near/after/before, and no lag or quietBefore")]
    public void A_field_the_engine_cannot_use_is_named(string fields, string message)
    {
        var e = Assert.Throws<RuleException>(() => RuleLoader.Load("x.yaml", Required("x") + fields));

        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void A_query_that_does_not_parse_shows_the_caret()
    {
        var e = Assert.Throws<RuleException>(() => RuleLoader.Load("x.yaml", Required("x") + "query: errors 10054 nera restart within 5m"));

        Assert.Equal(
            "x.yaml: query: \n" +
            "error: unexpected 'nera' at column 14, expected where, between, since, last, not, near, after, before, a quoted text, ',', '(', '|' or end of query\n" +
            "  errors 10054 nera restart within 5m\n" +
            "               ^^^^\n" +
            "  did you mean 'near'?",
            e.Message);
    }

    [Fact]
    public void A_where_is_checked_as_the_query_language_checks_a_filter()
    {
        var e = Assert.Throws<RuleException>(() => RuleLoader.Load("x.yaml", Required("x") + "query: errors after rst within 2s\nwhere: port == 1433"));

        Assert.Equal(
            "x.yaml: where: \n" +
            "error: unexpected '=' at column 20, expected a value\n" +
            "  events where port == 1433\n" +
            "                     ^",
            e.Message);
    }

    [Fact]
    public void A_where_match_is_a_regular_expression_as_in_queries()
    {
        // The rules' where once read '~' as a substring test; now it is the query language's regex.
        var rule = SomeRules.Make("rx", "errors after rst within 2s", "where: message ~ \"reset|RST\"");
        var e = Assert.Throws<RuleException>(() => SomeRules.Make("bad", "errors after rst within 2s", "where: message ~ \"(unclosed\""));

        var right = Assert.IsType<FilteredSetNode>(rule.Node.Relation!.Right);
        Assert.Equal(CompareOp.Matches, Assert.IsType<ComparisonNode>(right.Where).Op);
        Assert.Equal("errors after rst within 2s", rule.Query);
        Assert.Contains("invalid regular expression", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_is_reported_with_its_line()
    {
        var e = Assert.Throws<RuleException>(() => RuleLoader.Load("x.yaml", Required("x") + "query: errors\nquietBfore: 4m"));

        Assert.StartsWith("x.yaml: line 9: Property 'quietBfore' not found on type", e.Message);
    }

    [Fact]
    public void The_id_must_be_the_file_name()
    {
        var e = Assert.Throws<RuleException>(() => RuleLoader.Load("restart.yaml", Required("kill") + "query: errors"));

        Assert.Equal("restart.yaml: id: 'kill' must match the file name", e.Message);
    }

    [Fact]
    public void Decimal_durations_are_milliseconds()
    {
        Assert.True(DurationText.TryParse("35.6s", out long a));
        Assert.True(DurationText.TryParse("4m", out long b));
        Assert.True(DurationText.TryParse("500ms", out long c));
        Assert.False(DurationText.TryParse("5 minutes", out _));

        Assert.Equal((35_600, 240_000, 500), (a, b, c));
    }

    private static string Required(string id) => $"""
        id: {id}
        title: t
        cause: c
        evidence: e
        remedy: r
        seed: 001_af0529c4daf1ffa3.txt
        confidence: 0.5

        """;
}
