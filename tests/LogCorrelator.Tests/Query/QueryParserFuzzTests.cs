using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Syntax;

namespace LogCorrelator.Tests.Query;

/// <summary>
/// Random strings of the language's words and some junk: a parse either succeeds and round-trips
/// through the canonical form, or fails with an error that points inside the query.
/// </summary>
public sealed class QueryParserFuzzTests
{
    private static readonly string[] Words =
    [
        "errors", "restart", "kill", "server-errors", "events", "login-failed", "near", "after", "before", "not",
        "within", "on", "host", "peer", "or", "(", ")", ",", "=", "10054", "-2", "08S01", "5m", "500ms", "0s",
        "nera", "x", ";", "\t", "\n", "5", "ERRORS", "Within",
    ];

    [Fact]
    public void Random_queries_parse_or_fail_with_an_error_pointing_into_the_query()
    {
        var random = new Random(20240305);
        int parsed = 0;
        for (int i = 0; i < 3000; i++)
        {
            var words = Enumerable.Range(0, random.Next(0, 12)).Select(_ => Words[random.Next(Words.Length)]);
            string text = string.Join(random.Next(3) == 0 ? "" : " ", words);
            if (QueryParser.TryParse(text, out var query, out var error))
            {
                parsed++;
                string canonical = QueryFormatter.Format(query);
                Assert.True(QueryParser.TryParse(canonical, out var again, out _), canonical);
                Assert.Equal(canonical, QueryFormatter.Format(again));
                continue;
            }
            var lines = text.Split('\n');
            Assert.InRange(error.Line, 1, lines.Length);
            Assert.InRange(error.Column, 1, lines[error.Line - 1].Length + 1);
            Assert.True(error.Length >= 1, text);
            Assert.NotEmpty(error.Expected);
            var shown = error.Format().Split('\n');
            Assert.Equal("  " + lines[error.Line - 1].Replace('\t', ' '), shown[1]);
            Assert.Equal(new string(' ', error.Column + 1) + new string('^', error.Length), shown[2]);
        }
        // The vocabulary is meant to produce valid queries too, or the round-trip half tests nothing.
        Assert.True(parsed > 50, $"only {parsed} random queries parsed");
    }
}
