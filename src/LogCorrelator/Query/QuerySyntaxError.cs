using System.Text;

namespace LogCorrelator.Query;

/// <summary>
/// A query that does not parse: where (1-based line and column, length of the offending word),
/// what was expected, and the nearest keyword when the word looks like a typo.
/// <see cref="Format"/> is the one way it is shown:
/// <code>
/// error: unexpected 'nera' at column 14, expected not, near, after, before, ',' or end of query
///   errors 10054 nera restart within 5m
///                ^^^^
///   did you mean 'near'?
/// </code>
/// </summary>
public sealed record QuerySyntaxError(
    string Query,
    int Line,
    int Column,
    int Length,
    string Message,
    IReadOnlyList<string> Expected,
    string? Suggestion,
    string? Hint)
{
    /// <summary>The error as printed: headline, the query line, a caret under the word, then the suggestion or hint.</summary>
    public string Format()
    {
        var text = new StringBuilder();
        text.Append("error: ").Append(Message).Append('\n');
        // Tabs become single spaces so the caret lines up under the word whatever the tab width.
        string line = QueryLine().Replace('\t', ' ');
        text.Append("  ").Append(line).Append('\n');
        text.Append("  ").Append(' ', Column - 1).Append('^', Length);
        if (Suggestion is not null)
            text.Append('\n').Append("  did you mean '").Append(Suggestion).Append("'?");
        else if (Hint is not null)
            text.Append('\n').Append("  ").Append(Hint);
        return text.ToString();
    }

    public override string ToString() => Format();

    private string QueryLine()
    {
        var lines = Query.Split('\n');
        return lines[Math.Min(Line, lines.Length) - 1].TrimEnd('\r');
    }
}
