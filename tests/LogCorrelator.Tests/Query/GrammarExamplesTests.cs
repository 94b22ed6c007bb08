using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Syntax;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Query;

public sealed class GrammarExamplesTests
{
    private const string Prefix = "ex: ";

    public static TheoryData<string> Examples() => new(ExampleLines());

    internal static List<string> ExampleLines() =>
        File.ReadLines(RepoPaths.File("grammars/query.ebnf"))
            .Where(line => line.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(line => line[Prefix.Length..])
            .ToList();

    [Fact]
    public void The_grammar_file_lists_examples_of_every_relation()
    {
        var examples = ExampleLines();
        Assert.True(examples.Count >= 10, $"only {examples.Count} examples");
        foreach (string word in new[] { " near ", " after ", " before ", " not ", " on host", "(", " where ", " between ", " since ", " last ",
            "| count", " per ", "| first", "| last", "| sort", "| fields", "@", "\"", " ~ ", " in (" })
            Assert.Contains(examples, e => e.Contains(word, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_example_in_the_grammar_file_parses_and_round_trips(string example)
    {
        Assert.True(QueryParser.TryParse(example, out var query, out var error), error?.Format());
        string canonical = QueryFormatter.Format(query);
        Assert.True(QueryParser.TryParse(canonical, out var again, out error), error?.Format());
        Assert.Equal(canonical, QueryFormatter.Format(again));
    }
}
