using System.Diagnostics;
using LogCorrelator.Query;
using LogCorrelator.Query.Saved;
using LogCorrelator.Tests.Query;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Fuzz;

/// <summary>
/// Every query the project writes down (grammar and guide examples, saved queries, the error cases),
/// varied by <see cref="QueryMutator"/> and checked as <c>logcorr query</c> checks one before any file
/// is touched: it checks, or fails with a query error whose caret is inside the query; never another
/// exception, never slower than a bound proportional to its length.
/// </summary>
public sealed class QueryFuzzTests
{
    /// <summary>~125 queries written down times this: ~40,000 checks, ~20 s alone.</summary>
    private const int MutantsPerQuery = 320;

    [Fact]
    public void Varied_queries_check_or_fail_with_a_caret_inside_the_query()
    {
        var seeds = Seeds();
        var options = new QueryOptions { Library = QueryLibrary.Load(RepoPaths.File("grammars/queries"), null) };
        var failures = new List<string>();
        int valid = 0, invalid = 0;
        foreach (string seed in seeds)
        {
            foreach (string text in QueryMutator.Mutants(seed, seeds, FuzzSeed.For(seed), MutantsPerQuery))
            {
                string what = $"{Shown(text)} ({FuzzSeed.Variable}={FuzzSeed.Value})";
                var bound = TimeBound.ForQuery(text.Length);
                try
                {
                    var (ok, error) = TimeBound.Run(() => (QueryEngine.TryCheck(text, options, out var e), e), bound);
                    if (ok)
                    {
                        valid++;
                        continue;
                    }
                    invalid++;
                    if (Misplaced(text, error!) is { } problem)
                        failures.Add($"{what}: {problem}");
                }
                catch (TimeoutException)
                {
                    failures.Add($"{what}: still checking after {bound.TotalSeconds:0.#} s");
                }
                catch (Exception e)
                {
                    failures.Add($"{what}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        // Both halves must be exercised, or the run tests less than it claims.
        Assert.True(valid > 100 && invalid > 1000, $"{valid} valid, {invalid} invalid");
    }

    /// <summary>What is wrong with an error's position or its printed form; null when it points inside the query.</summary>
    internal static string? Misplaced(string text, QuerySyntaxError error)
    {
        var lines = text.Split('\n');
        if (error.Line < 1 || error.Line > lines.Length)
            return $"line {error.Line} of {lines.Length}";
        if (error.Column < 1 || error.Column > lines[error.Line - 1].Length + 1 || error.Length < 1)
            return $"column {error.Column} length {error.Length} on a line of {lines[error.Line - 1].Length}";
        var shown = error.Format().Split('\n');
        if (!shown[0].StartsWith("error: ", StringComparison.Ordinal) || shown.Length < 3 || shown[2].TrimStart(' ').TrimEnd('^').Length > 0)
            return "printed as: " + error.Format();
        return null;
    }

    /// <summary>The queries written down in the repository.</summary>
    internal static List<string> Seeds()
    {
        var library = QueryLibrary.Load(RepoPaths.File("grammars/queries"), null);
        var cases = CaseFile.Read("tests/LogCorrelator.Tests/Query/Cases/syntax-errors.cases")
            .Concat(CaseFile.Read("tests/LogCorrelator.Tests/Query/Cases/semantic-errors.cases"))
            .Select(row => (string)row[0]);
        return GrammarExamplesTests.ExampleLines()
            .Concat(DocsExamplesTests.DocExamples())
            .Concat(library.All.Select(q => q.Text))
            .Concat(cases)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static string Shown(string text) =>
        text.Length <= 300 ? text.Replace("\n", "\\n", StringComparison.Ordinal) : text[..300].Replace("\n", "\\n", StringComparison.Ordinal) + $"... ({text.Length} characters)";
}
