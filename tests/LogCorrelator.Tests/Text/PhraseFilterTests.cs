using LogCorrelator.Ingest.Classify;
using LogCorrelator.Ingest.Formats.Text;
using LogCorrelator.Text;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Text;

public sealed class PhraseFilterTests
{
    private static readonly PhraseFilter Filter = new(["Connection reset by peer", "sql", "Timeout expired", ":1433", "Msg "]);

    [Theory]
    [InlineData("java.net.SocketException: Connection reset by peer", true)]
    [InlineData("CONNECTION RESET BY PEER", true)]
    [InlineData("Connection reset by pee", false)]
    [InlineData("mssql", true)]
    [InlineData("Sq", false)]
    [InlineData("Server=tcp:db01:1433;", true)]
    [InlineData("Server=tcp:db01:1434;", false)]
    [InlineData("Msg 4060, Level 11", true)]
    [InlineData("Msg4060", false)]
    [InlineData("", false)]
    [InlineData("Health check completed with status Healthy", false)]
    // The Kelvin sign is no 'k' here, and text around non-ASCII still matches.
    [InlineData("Timeout expıred", false)]
    [InlineData("Zeitüberschreitung: Timeout expired", true)]
    public void Finds_a_phrase_anywhere_ignoring_ascii_case(string text, bool expected) =>
        Assert.Equal(expected, Filter.ContainsAny(text));

    [Fact]
    public void Marks_every_phrase_present_once_even_when_phrases_share_a_key()
    {
        // "reset" and "Reset" lowercase to one key; two phrases with one rare trigram ("xyz") share a candidate list.
        var filter = new PhraseFilter(["reset", "Reset: Set", "abxyz", "xyzcd"]);
        Span<bool> present = stackalloc bool[4];

        filter.Mark("TCP flags Reset: Set ... abxyzcd", present);

        Assert.Equal([true, true, true, true], present.ToArray());
        present.Clear();
        filter.Mark("xyzc reset", present);
        Assert.Equal([true, false, false, false], present.ToArray());
    }

    [Fact]
    public void Refuses_a_phrase_it_cannot_key()
    {
        Assert.Throws<ArgumentException>(() => new PhraseFilter(["ab"]));
        Assert.Throws<ArgumentException>(() => new PhraseFilter(["Verbindung zurückgesetzt"]));
    }

    /// <summary>
    /// The signal words and the client rules' phrases against a naive search (IndexOf, ignoring case),
    /// over every line of the sample incidents and the wild corpus: the filter must agree on each.
    /// </summary>
    [Fact]
    public void Agrees_with_a_naive_search_on_every_line_of_the_samples_and_the_wild_corpus()
    {
        var sets = new[]
        {
            TextEntry.SignalWords,
            ClientErrorRules.All.Select(r => r.Phrase).Where(p => !p.AsSpan().ContainsAnyExceptInRange('\0', '\x7f')).ToArray(),
        };
        var lines = Directory.EnumerateFiles(RepoPaths.File("tests/LogCorrelator.Tests/Fixtures/wild"), "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(RepoPaths.File("sample-logs"), "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains("samplegen", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllText(f).Split('\n'))
            .ToArray();
        Assert.True(lines.Length > 10_000, $"{lines.Length} lines");
        foreach (var words in sets)
        {
            var filter = new PhraseFilter(words);
            int hits = 0;
            foreach (var line in lines)
            {
                var expected = new bool[words.Length];
                for (int w = 0; w < words.Length; w++)
                    expected[w] = line.Contains(words[w], StringComparison.OrdinalIgnoreCase) && !NeedsUnicodeCase(line);
                var present = new bool[words.Length];
                filter.Mark(line, present);
                if (!NeedsUnicodeCase(line))
                    Assert.True(expected.SequenceEqual(present), $"'{line}': {string.Join(", ", words.Where((_, i) => expected[i] != present[i]))}");
                Assert.Equal(present.Contains(true), filter.ContainsAny(line));
                hits += present.Count(p => p);
            }
            Assert.True(hits > 100, $"{hits} hits");
        }
    }

    // U+212A KELVIN SIGN and U+017F LATIN SMALL LETTER LONG S fold to ASCII letters under OrdinalIgnoreCase.
    private static bool NeedsUnicodeCase(string line) => line.Contains('\u212A') || line.Contains('\u017F');
}
