using System.Text.RegularExpressions;
using LogCorrelator.Tests.Cli;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Docs;

/// <summary>The README stays true: its query examples parse and its quick start prints what it shows.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(RepoPaths.File("README.md"));

    [GeneratedRegex(@"## Query language.*?```\n(?<block>.*?)```", RegexOptions.Singleline)]
    private static partial Regex LanguageBlock();

    public static TheoryData<string> LanguageExamples()
    {
        var data = new TheoryData<string>();
        foreach (var line in LanguageBlock().Match(Readme).Groups["block"].Value.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            data.Add(Regex.Split(line, @"\s{2,}")[0].Trim());
        return data;
    }

    [Theory]
    [MemberData(nameof(LanguageExamples))]
    public void Every_query_example_in_the_readme_parses_and_runs_on_the_sample(string query)
    {
        // Through the CLI, so saved-query references (@unexplained) resolve as a user's would.
        var run = CliRun.Of("query", query, RepoPaths.File("sample-logs/incident-restart"), "--store", Store.Value);
        Assert.True(run.ExitCode == 0, run.ErrText);
    }

    // One ingest of the sample for all the examples; the temp folder goes with the process.
    private static readonly Lazy<string> Store = new(() => new TempFolder().Combine("readme.lcdb"));

    [Fact]
    public void The_quick_start_diagnosis_begins_as_shown()
    {
        using var dir = new TempFolder();
        var run = CliRun.Of("diagnose", RepoPaths.File("sample-logs/incident-restart"), "--store", dir.Combine("s.lcdb"));
        var shown = Block(@"It begins:\s+```\n(?<out>.*?)```");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(5, shown.Count);
        Assert.Equal(shown, run.Out.Select(l => l.TrimEnd()).Take(5));
    }

    [Fact]
    public void The_query_output_shown_is_what_the_command_prints()
    {
        using var dir = new TempFolder();
        var run = CliRun.Of("query", "errors 10054 near restart within 5m", RepoPaths.File("sample-logs/incident-restart"), "--store", dir.Combine("s.lcdb"));
        var shown = Block(@"\nprints:\s+```\n(?<out>.*?)```").Where(l => l != "...").ToList();
        var printed = run.Out.Select(l => l.TrimEnd()).ToList();

        Assert.Equal(6, shown.Count);
        Assert.Equal(shown[..5], printed[..5]);
        Assert.Equal(shown[^1], printed.Last(l => l.Length > 0));
    }

    private static List<string> Block(string pattern) =>
        Regex.Match(Readme, pattern, RegexOptions.Singleline).Groups["out"].Value
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToList();
}
