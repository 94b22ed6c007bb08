using System.Text;

namespace LogCorrelator.Query.Syntax;

/// <summary>Turns the farthest failure of a parse into the <see cref="QuerySyntaxError"/> the user reads.</summary>
internal static class SyntaxErrors
{
    private const string WindowHint = "a relation needs a time window, e.g. 'within 5m'";
    private const string UnitHint = "a duration needs a unit: 500ms, 30s, 5m, 2h or 1d";

    public static QuerySyntaxError At(string query, int position, IReadOnlyList<Expectation> expectations)
    {
        position = Math.Clamp(position, 0, query.Length);
        var (line, column) = LineAndColumn(query, position);
        bool multiLine = query.Contains('\n', StringComparison.Ordinal);
        string? word = WordAt(query, position);
        int length = word?.Length ?? 1;

        // Keywords first: after a word the user most likely mistyped one; punctuation and the end come last.
        var expected = expectations.OrderBy(e => e.Kind).ToList();
        var message = new StringBuilder("unexpected ")
            .Append(word is null ? "end of query" : $"'{word}'")
            .Append(" at ").Append(multiLine ? $"line {line}, column {column}" : $"column {column}");
        if (expected.Count > 0)
            message.Append(", expected ").Append(List(expected.Select(e => e.Text).ToList()));

        string? suggestion = word is null ? null : Nearest(word, expected);
        string? hint = suggestion is not null ? null
            : expected.Any(e => e.Text == Keywords.Within) ? WindowHint
            : word is not null && word.All(char.IsAsciiDigit) && expected.Any(e => e.Text.StartsWith("a duration", StringComparison.Ordinal)) ? UnitHint
            : null;
        return new QuerySyntaxError(query, line, column, length, message.ToString(),
            expected.Select(e => e.Text).ToArray(), suggestion, hint);
    }

    /// <summary>The word (or single character) at the failure, or null at the end of the query.</summary>
    private static string? WordAt(string query, int position)
    {
        if (position >= query.Length)
            return null;
        int length = Lexeme.WordLength(query, position);
        return query.Substring(position, Math.Max(length, 1));
    }

    /// <summary>The expected keyword closest to a mistyped word, if close enough to be a typo.</summary>
    private static string? Nearest(string word, IReadOnlyList<Expectation> expected)
    {
        // One edit in a short word, two in a longer one: beyond that a "did you mean" is a guess.
        int limit = word.Length <= 3 ? 1 : 2;
        string? best = null;
        int bestDistance = limit + 1;
        foreach (var e in expected)
        {
            if (e.Kind != ExpectationKind.Keyword)
                continue;
            int distance = EditDistance.Between(word, e.Text);
            if (distance < bestDistance)
            {
                best = e.Text;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static string List(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " or " + items[^1];

    private static (int Line, int Column) LineAndColumn(string query, int position)
    {
        int line = 1, lineStart = 0;
        for (int i = 0; i < position; i++)
        {
            if (query[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, position - lineStart + 1);
    }
}
