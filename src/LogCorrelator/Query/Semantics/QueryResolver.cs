using System.Text.RegularExpressions;
using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Saved;
using LogCorrelator.Query.Syntax;

namespace LogCorrelator.Query.Semantics;

/// <summary>
/// The resolve pass: every <c>@name</c> becomes the saved query's own checked tree. A saved query
/// that refers back to itself, directly or through others, is an error naming the whole cycle.
/// </summary>
internal sealed partial class QueryResolver
{
    private readonly QueryLibrary _library;
    private readonly List<string> _path;

    private QueryResolver(QueryLibrary library, List<string> path)
    {
        _library = library;
        _path = path;
    }

    /// <summary>Resolves the references of <paramref name="query"/>, parsed from <paramref name="text"/>.</summary>
    public static QueryNode Resolve(string text, QueryNode query, QueryLibrary library) =>
        new QueryResolver(library, []).Query(text, query);

    private QueryNode Query(string text, QueryNode query) => query with
    {
        Left = Set(text, query.Left),
        Condition = query.Condition is { } condition ? Condition(text, condition) : null,
    };

    private ConditionNode Condition(string text, ConditionNode condition) => condition switch
    {
        RelationNode relation => relation with { Right = Set(text, relation.Right) },
        ConditionGroupNode group => group with { Items = group.Items.Select(c => Condition(text, c)).ToArray() },
        _ => condition,
    };

    private SetNode Set(string text, SetNode set) => set switch
    {
        UnionSetNode union => union with { Members = union.Members.Select(m => Set(text, m)).ToArray() },
        FilteredSetNode filtered => filtered with { Set = Set(text, filtered.Set) },
        ReferenceSetNode reference => Reference(text, reference),
        _ => set,
    };

    private ResolvedSetNode Reference(string text, ReferenceSetNode reference)
    {
        var saved = _library.Find(reference.Name);
        if (saved is null)
        {
            string? near = _library.Suggest(reference.Name);
            throw Error(text, reference, $"unknown saved query '@{reference.Name}'", suggestion: near is null ? null : "@" + near,
                hint: _library.All.Count == 0 ? "'logcorr save NAME \"QUERY\"' saves one" : "'logcorr queries' lists them");
        }
        if (_path.Contains(saved.Name, StringComparer.OrdinalIgnoreCase))
        {
            string cycle = string.Join(" -> ", _path.SkipWhile(n => !string.Equals(n, saved.Name, StringComparison.OrdinalIgnoreCase))
                .Append(saved.Name).Select(n => "@" + n));
            throw Error(text, reference, $"saved query '@{saved.Name}' refers to itself", cycle);
        }
        if (!QueryParser.TryParse(saved.Text, out var inner, out var error))
            throw Error(text, reference, $"saved query '@{saved.Name}' does not parse", $"{saved.Origin}:{saved.Line}: {error.Message}");
        if (inner.Pipes.Count > 0)
        {
            throw Error(text, reference, $"saved query '@{saved.Name}' ends in '| {QueryFormatter.Format(inner.Pipes[0])}'",
                "only a query without pipes can be used as a set");
        }
        QueryNode resolved;
        _path.Add(saved.Name);
        try
        {
            resolved = new QueryResolver(_library, _path).Query(saved.Text, inner);
        }
        catch (QuerySyntaxException e)
        {
            // An error deep in a chain of references is shown at the reference the user wrote.
            string message = Position().Replace(e.Error.Message, "", 1);
            int colon = message.IndexOf(": ", StringComparison.Ordinal);
            throw colon < 0 ? Error(text, reference, message) : Error(text, reference, message[..colon], message[(colon + 2)..]);
        }
        finally
        {
            _path.RemoveAt(_path.Count - 1);
        }
        if (QueryChecker.Check(saved.Text, resolved) is { } invalid)
            throw Error(text, reference, $"saved query '@{saved.Name}' is invalid", $"{saved.Origin}:{saved.Line}: {invalid.Message}");
        return new ResolvedSetNode(saved.Name, resolved) { Span = reference.Span };
    }

    [GeneratedRegex(@" at (line \d+, )?column \d+")]
    private static partial Regex Position();

    private static QuerySyntaxException Error(string text, SyntaxNode node, string headline, string? detail = null, string? suggestion = null, string? hint = null) =>
        new(SyntaxErrors.About(text, node.Span, headline, detail, suggestion, hint));
}
