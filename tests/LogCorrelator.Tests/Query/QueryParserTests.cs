using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Syntax;

namespace LogCorrelator.Tests.Query;

public sealed class QueryParserTests
{
    [Theory]
    [InlineData("errors", "errors")]
    [InlineData("errors 10054", "errors 10054")]
    [InlineData("errors 10054 near restart within 5m", "errors 10054 near restart within 5m")]
    [InlineData("  ERRORS 10054,08s01   NEAR  Restart  WITHIN 5M  ", "errors 10054,08S01 near restart within 5m")]
    [InlineData("errors 10054, 10053 ,08S01 after kill within 30s on host", "errors 10054,10053,08S01 after kill within 30s on host")]
    [InlineData("errors after kill within 30s on host=peer", "errors after kill within 30s on host = peer")]
    [InlineData("errors after kill within 30s on host = host", "errors after kill within 30s on host")]
    [InlineData("errors not near (restart or kill or failover) within 5m", "errors not near (restart or kill or failover) within 5m")]
    [InlineData("errors near (restart) within 5m", "errors near (restart) within 5m")]
    [InlineData("errors near (server-errors 17883, 17884 or errors -2) within 1d", "errors near (server-errors 17883,17884 or errors -2) within 1d")]
    [InlineData("errors -2 before failover within 2h", "errors -2 before failover within 2h")]
    [InlineData("server-errors 17883 near events within 500ms", "server-errors 17883 near events within 500ms")]
    [InlineData("login-failed not after ready within 0s on peer", "login-failed not after ready within 0s on peer")]
    [InlineData("timewait near rst within 1m on peer = host", "timewait near rst within 1m on peer = host")]
    [InlineData("errors\n10054\tnear restart\nwithin 5m", "errors 10054 near restart within 5m")]
    [InlineData("shutdown", "shutdown")]
    [InlineData("netconfig before probe within 10s", "netconfig before probe within 10s")]
    public void A_valid_query_parses_to_its_canonical_form(string query, string canonical)
    {
        Assert.True(QueryParser.TryParse(query, out var ast, out var error), error?.Format());
        Assert.Equal(canonical, QueryFormatter.Format(ast));
    }

    [Fact]
    public void Codes_split_into_numbers_and_sqlstates()
    {
        var query = QueryParser.Parse("errors 10054,08S01,-2,08001,hyt00");
        var left = Assert.IsType<EventSetNode>(query.Left);
        Assert.Equal(SetName.Errors, left.Name);
        Assert.Equal(
            [CodeNode.Of(10054), CodeNode.OfSqlState("08S01"), CodeNode.Of(-2), CodeNode.OfSqlState("08001"), CodeNode.OfSqlState("HYT00")],
            left.Codes);
        Assert.Null(query.Relation);
    }

    [Theory]
    [InlineData("500ms", 500L)]
    [InlineData("30s", 30_000L)]
    [InlineData("5m", 300_000L)]
    [InlineData("2h", 7_200_000L)]
    [InlineData("1d", 86_400_000L)]
    [InlineData("0s", 0L)]
    public void Durations_are_read_in_milliseconds(string duration, long ms)
    {
        var query = QueryParser.Parse($"errors near restart within {duration}");
        Assert.Equal(ms, query.Relation!.Window.Milliseconds);
    }

    [Fact]
    public void A_relation_carries_its_parts()
    {
        var relation = QueryParser.Parse("errors 10054 not after (restart or kill) within 30s on host = peer").Relation!;
        Assert.True(relation.Negated);
        Assert.Equal(RelationKind.After, relation.Kind);
        var union = Assert.IsType<UnionSetNode>(relation.Right);
        Assert.Equal([SetName.Restart, SetName.Kill], union.Members.Select(m => Assert.IsType<EventSetNode>(m).Name));
        Assert.Equal(new JoinKeyNode(Field.Host, Field.Peer) { Span = relation.Key!.Span }, relation.Key);
    }

    [Fact]
    public void Nodes_know_where_they_were_written()
    {
        //                   0         1         2         3         4
        //                   0123456789012345678901234567890123456789012345
        const string text = "  errors 10054 near restart within 5m on host";
        var query = QueryParser.Parse(text);
        var relation = query.Relation!;
        Assert.Equal(new SourceSpan(2, 43), query.Span);
        Assert.Equal(new SourceSpan(2, 12), query.Left.Span);
        Assert.Equal(new SourceSpan(15, 30), relation.Span);
        Assert.Equal(new SourceSpan(20, 7), relation.Right.Span);
        Assert.Equal(new SourceSpan(35, 2), relation.Window.Span);
        Assert.Equal(new SourceSpan(38, 7), relation.Key!.Span);
    }

    [Fact]
    public void A_union_spans_its_parentheses()
    {
        const string text = "errors near (restart or kill) within 5m";
        var right = QueryParser.Parse(text).Relation!.Right;
        Assert.Equal("(restart or kill)", text.Substring(right.Span.Start, right.Span.Length));
    }
}
