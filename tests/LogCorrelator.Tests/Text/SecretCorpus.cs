using System.Text.RegularExpressions;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Text;

/// <summary>Fixtures/secrets/corpus.txt: one secret form a line, each with a marker <c>S3cr3t-NN</c> no output may show.</summary>
internal static partial class SecretCorpus
{
    public const string MarkerPrefix = "S3cr3t-";

    public static IReadOnlyList<string> Lines { get; } = File.ReadAllLines(RepoPaths.File("tests/LogCorrelator.Tests/Fixtures/secrets/corpus.txt"))
        .Where(l => l.Trim().Length > 0 && !l.StartsWith('#'))
        .ToList();

    public static TheoryData<string> Theory()
    {
        var data = new TheoryData<string>();
        foreach (string line in Lines)
            data.Add(line);
        return data;
    }

    /// <summary>The marker of a line (<c>S3cr3t-07</c>).</summary>
    public static string Marker(string line) => Markers().Match(line).Value;

    /// <summary>Every marker the text shows.</summary>
    public static IEnumerable<string> Leaks(string text) => Markers().Matches(text).Select(m => m.Value).Distinct();

    [GeneratedRegex(@"S3cr3t-\d\d")]
    private static partial Regex Markers();
}
