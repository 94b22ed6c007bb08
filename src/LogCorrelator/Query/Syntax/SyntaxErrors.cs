using System.Text;
using LogCorrelator.Query.Ast;

namespace LogCorrelator.Query.Syntax;

/// <summary>Turns the farthest failure of a parse into the <see cref="QuerySyntaxError"/> the user reads.</summary>
internal static class SyntaxErrors
{
    private const string WindowHint = "a relation needs a time window, e.g. 'within 5m'";
    private const string TimeHint = "times are chosen with 'between T1 and T2', 'since T' or 'last 2h' after the set";
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
            : string.Equals(word, "time", StringComparison.OrdinalIgnoreCase) && expected.Any(e => e.Text == "host") ? TimeHint
            : word is not null && word.All(char.IsAsciiDigit) && expected.Any(e => e.Text.StartsWith("a duration", StringComparison.Ordinal)) ? UnitHint
            : null;
        return new QuerySyntaxError(query, line, column, length, message.ToString(),
            expected.Select(e => e.Text).ToArray(), suggestion, hint);
    }

    /// <summary>
    /// An error found after parsing (a value of the wrong type, a regular expression that does not
    /// compile, an unknown saved query): the message, then where, with a caret under the span.
    /// </summary>
    /// <remarks>
    /// The message reads <c>HEADLINE at column N[: DETAIL]</c>: the position right after the words
    /// it is about, so a long detail (a saved query's own error) does not bury it.
    /// </remarks>
    public static QuerySyntaxError About(string query, SourceSpan span, string headline, string? detail = null, string? suggestion = null, string? hint = null)
    {
        int position = Math.Clamp(span.Start, 0, query.Length);
        var (line, column) = LineAndColumn(query, position);
        bool multiLine = query.Contains('\n', StringComparison.Ordinal);
        int lineEnd = query.IndexOf('\n', position);
        int length = Math.Max(1, Math.Min(span.Length, (lineEnd < 0 ? query.Length : lineEnd) - position));
        string where = multiLine ? $"line {line}, column {column}" : $"column {column}";
        string message = $"{headline} at {where}" + (detail is null ? "" : ": " + detail);
        return new QuerySyntaxError(query, line, column, length, message, [], suggestion, hint);
    }

    /// <summary>The word closest to <paramref name="word"/> among <paramref name="candidates"/>, if close enough to be a typo.</summary>
    public static string? Nearest(string word, IEnumerable<string> candidates)
    {
        // One edit in a short word, two in a longer one: beyond that a "did you mean" is a guess.
        int limit = word.Length <= 3 ? 1 : 2;
        string? best = null;
        int bestDistance = limit + 1;
        foreach (string candidate in candidates)
        {
            int distance = EditDistance.Between(word, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
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
    private static string? Nearest(string word, IReadOnlyList<Expectation> expected) =>
        Nearest(word, expected.Where(e => e.Kind == ExpectationKind.Keyword).Select(e => e.Text));

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
