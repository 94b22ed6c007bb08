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
    [InlineData("errors \"forcibly closed\"", "errors \"forcibly closed\"")]
    [InlineData("errors 10054 \"say \"\"hi\"\"\"", "errors 10054 \"say \"\"hi\"\"\"")]
    [InlineData("errors WHERE Host=APPSRV01", "errors where host = APPSRV01")]
    [InlineData("errors where spid>=51 and spid<100", "errors where spid >= 51 and spid < 100")]
    [InlineData("errors where host = a or host = b and not port = 1", "errors where host = a or host = b and not port = 1")]
    [InlineData("errors where (host = a or host = b) and port = 1", "errors where (host = a or host = b) and port = 1")]
    [InlineData("errors where not (host = a or host = b)", "errors where not (host = a or host = b)")]
    [InlineData("errors where code in (10054,08s01)", "errors where code in (10054, 08s01)")]
    [InlineData("errors where message ~ \"\\d+\"", "errors where message ~ \"\\d+\"")]
    [InlineData("(errors where host = a or kill) where port = 1 near restart within 1m", "(errors where host = a or kill) where port = 1 near restart within 1m")]
    [InlineData("errors near (restart or kill) where host = SQLPROD01 within 5m", "errors near (restart or kill) where host = SQLPROD01 within 5m")]
    [InlineData("@unexplained where host = x", "@unexplained where host = x")]
    [InlineData("errors after kill within 30s and not near restart within 5m", "errors after kill within 30s and not near restart within 5m")]
    [InlineData("errors (near restart within 1s or near kill within 1s) and near probe within 1s", "errors (near restart within 1s or near kill within 1s) and near probe within 1s")]
    [InlineData("errors (near restart within 1s and near kill within 1s) or near probe within 1s", "errors near restart within 1s and near kill within 1s or near probe within 1s")]
    [InlineData("errors near errors within 1s on code", "errors near errors within 1s on code")]
    [InlineData("errors between 2024-03-05 11:00 and 2024-03-05T11:30:00.5", "errors between 2024-03-05 11:00 and 2024-03-05 11:30:00.500")]
    [InlineData("errors near restart within 5m since 2024-03-05", "errors since 2024-03-05 near restart within 5m")]
    [InlineData("errors LAST 2H", "errors last 2h")]
    [InlineData("errors|count by host,code per 1m|sort count desc|first 3", "errors | count by host, code per 1m | sort count desc | first 3")]
    [InlineData("errors | sort time asc | last 1 | fields time,message", "errors | sort time | last 1 | fields time, message")]
    public void A_valid_query_parses_to_its_canonical_form(string query, string? canonical)
    {
        Assert.True(QueryParser.TryParse(query, out var ast, out var error), error?.Format());
        Assert.Equal(canonical ?? query, QueryFormatter.Format(ast));
    }

    [Fact]
    public void A_range_can_follow_the_conditions_but_only_once()
    {
        Assert.True(QueryParser.TryParse("errors near restart within 5m last 2h | count", out var query, out _));
        Assert.Equal(2L * 3_600_000, query.Range!.Last!.Milliseconds);
        Assert.False(QueryParser.TryParse("errors last 2h near restart within 5m last 1h", out _, out var error));
        Assert.Equal(39, error.Column);
    }

    [Fact]
    public void A_where_binds_to_the_set_before_it()
    {
        var query = QueryParser.Parse("(restart or kill where peer = APPSRV01) where host = SQLPROD01");
        var outer = Assert.IsType<FilteredSetNode>(query.Left);
        var union = Assert.IsType<UnionSetNode>(outer.Set);
        Assert.IsType<EventSetNode>(union.Members[0]);
        var kill = Assert.IsType<FilteredSetNode>(union.Members[1]);
        Assert.Equal(new ComparisonNode(Field.Peer, CompareOp.Equal, kill is { Where: ComparisonNode c } ? c.Values : []) { Span = kill.Where.Span }, kill.Where);
    }

    [Theory]
    [InlineData("2024-03-05", 1_709_596_800_000L)]
    [InlineData("2024-03-05 11:32", 1_709_638_320_000L)]
    [InlineData("2024-03-05T11:32:04", 1_709_638_324_000L)]
    [InlineData("2024-03-05 11:32:04.31", 1_709_638_324_310L)]
    [InlineData("2024-02-29 00:00:00.001", 1_709_164_800_001L)]
    public void Times_are_read_as_written_wall_clock(string time, long ms)
    {
        var range = QueryParser.Parse($"errors since {time}").Range!;
        Assert.Equal(ms, range.From!.LocalMs);
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
