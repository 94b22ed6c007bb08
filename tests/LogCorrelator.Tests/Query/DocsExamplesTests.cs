using LogCorrelator.Query;
using LogCorrelator.Query.Syntax;
using LogCorrelator.Tests.Query.Sample;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Query;

/// <summary>
/// docs/query-language.md stays true: each of its examples (the ```query blocks) parses, is one
/// of grammars/query.ebnf's examples, and runs over the sample incident.
/// </summary>
public sealed class DocsExamplesTests : IClassFixture<SampleIncident>
{
    private const string Docs = "docs/query-language.md";
    private readonly SampleIncident _sample;

    public DocsExamplesTests(SampleIncident sample) => _sample = sample;

    public static TheoryData<string> Examples() => new(DocExamples());

    internal static List<string> DocExamples()
    {
        var lines = File.ReadAllLines(RepoPaths.File(Docs));
        var examples = new List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i] == "```query")
                examples.Add(lines[++i]);
        }
        return examples;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Each_example_parses_is_in_the_grammar_file_and_runs_over_the_sample(string example)
    {
        Assert.True(QueryParser.TryParse(example, out _, out var error), error?.Format());
        Assert.Contains(example, GrammarExamplesTests.ExampleLines());
        var result = _sample.Run(example);
        Assert.Equal(example, result.Query);
        Assert.Equal(result.IsAggregate, example.Contains("| count", StringComparison.Ordinal));
    }

    [Fact]
    public void The_page_shows_every_set_word_relation_field_and_pipe()
    {
        string all = string.Join("\n", DocExamples());
        var words = Keywords.Sets.Select(s => s.Word)
            .Concat(Keywords.Relations.Select(r => r.Word))
            .Concat(["where", "not", "and", "or", " in (", "~", "!=", ">=", "<", "between", "since", "last", "on host = peer", "@",
                "| count by", "per", "| first", "| last", "| sort", "desc", "| fields", "\""]);
        foreach (string word in words)
            Assert.Contains(word, all, StringComparison.Ordinal);
        foreach (var (field, _) in Keywords.AllFields)
            Assert.Contains(field, all, StringComparison.Ordinal);
    }
}
