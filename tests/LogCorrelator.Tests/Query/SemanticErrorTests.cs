using LogCorrelator.Query;
using LogCorrelator.Query.Saved;

namespace LogCorrelator.Tests.Query;

public sealed class SemanticErrorTests
{
    /// <summary>Saved queries the cases refer to: a cycle, one with a pipe, one that does not parse, one that is fine.</summary>
    private const string Saved = """
        # Refers to loop-b, which refers back.
        loop-a = @loop-b
        loop-b = errors near @loop-a within 1m
        counted = errors | count
        broken = errors nera restart within 5m
        fine = errors near restart within 5m
        """;

    public static TheoryData<string, string> Cases => CaseFile.Read("tests/LogCorrelator.Tests/Query/Cases/semantic-errors.cases");

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_query_that_parses_but_makes_no_sense_is_refused_with_its_position(string query, string expected)
    {
        var library = new QueryLibrary();
        library.AddText(Saved, "test.lcq", builtIn: false);
        Assert.False(QueryEngine.TryCheck(query, new QueryOptions { Library = library }, out var error));
        Assert.Equal(expected, error.Format());
    }

    [Fact]
    public void A_regex_error_points_into_the_pattern_past_doubled_quotes()
    {
        //                         0         1         2         3
        //                         0123456789012345678901234567890123
        Assert.False(QueryEngine.TryCheck("errors where message ~ \"a\"\"[b\"", out var error));
        // The pattern is a"[b: the unterminated set ends the pattern, so the caret sits on the closing quote (offset 29).
        Assert.Equal(30, error.Column);
        Assert.Equal(1, error.Length);
        Assert.StartsWith("invalid regular expression at column 30: ", error.Message, StringComparison.Ordinal);
    }
}
