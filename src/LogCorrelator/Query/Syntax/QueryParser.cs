using System.Diagnostics.CodeAnalysis;
using LogCorrelator.Query.Ast;

namespace LogCorrelator.Query.Syntax;

/// <summary>Text to AST: <see cref="TryParse"/> never throws; <see cref="Parse"/> is the thin throwing wrapper.</summary>
internal static class QueryParser
{
    public static bool TryParse(string text, [NotNullWhen(true)] out QueryNode? query, [NotNullWhen(false)] out QuerySyntaxError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        query = null;
        // Checked before the descent, which would overflow the stack on thousands of levels.
        if (QueryLimits.Check(text) is { } limit)
        {
            error = limit;
            return false;
        }
        var input = new TrackedInput(text);
        var result = QueryGrammar.Query(input);
        if (result.WasSuccessful)
        {
            query = result.Value;
            error = null;
            return true;
        }
        // Every terminal reports to the tracker, so it holds the farthest failure; Sprache's own
        // remainder is only a fallback should a failure ever bypass the terminals.
        var tracker = input.Tracker;
        error = tracker.Position >= 0
            ? SyntaxErrors.At(text, tracker.Position, tracker.Expected)
            : SyntaxErrors.At(text, result.Remainder.Position, []);
        return false;
    }

    public static QueryNode Parse(string text) =>
        TryParse(text, out var query, out var error) ? query : throw new QuerySyntaxException(error);
}
