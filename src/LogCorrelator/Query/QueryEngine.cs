using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Execution;
using LogCorrelator.Query.Planning;
using LogCorrelator.Query.Semantics;
using LogCorrelator.Query.Syntax;
using LogCorrelator.Store;

namespace LogCorrelator.Query;

/// <summary>
/// The query entry point, in named passes: parse (text to AST), resolve (<c>@name</c> to the saved
/// query's tree), check (types, regular expressions, keys, pipes), plan (AST to store scans and
/// joins), execute (scans, join core, pipes, resolve the events shown).
/// </summary>
public static class QueryEngine
{
    /// <summary>Runs a query over the store.</summary>
    /// <param name="cancel">Stops the run (loops check it every few thousand rows, regular expressions at each match).</param>
    /// <exception cref="QuerySyntaxException">The text does not parse or does not make sense, or a regular expression ran out of time.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancel"/> was cancelled.</exception>
    public static QueryResult Run(EventStore store, string text, QueryOptions? options = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        options ??= QueryOptions.Default;
        var query = Compile(text, options);
        try
        {
            return QueryExecutor.Execute(store, QueryPlanner.Plan(store, query, options.Zone, cancel), text, cancel);
        }
        catch (RegexMatchTimeoutException e)
        {
            throw new QuerySyntaxException(UserRegex.TooSlow(text, e.Pattern));
        }
    }

    /// <summary>How the query would run: the scans with their SQL and estimated rows, the joins in order, the pipes.</summary>
    /// <exception cref="QuerySyntaxException">The text does not parse or does not make sense, or a regular expression ran out of time.</exception>
    public static string Explain(EventStore store, string text, QueryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        options ??= QueryOptions.Default;
        var query = Compile(text, options);
        try
        {
            // Planning matches host and file names against a query's regular expressions.
            return QueryExplainer.Explain(store, QueryPlanner.Plan(store, query, options.Zone));
        }
        catch (RegexMatchTimeoutException e)
        {
            throw new QuerySyntaxException(UserRegex.TooSlow(text, e.Pattern));
        }
    }

    /// <summary>Checks a query without a store; the error says where and why it fails.</summary>
    public static bool TryCheck(string text, [NotNullWhen(false)] out QuerySyntaxError? error) =>
        TryCheck(text, QueryOptions.Default, out error);

    /// <summary>Checks a query, its saved-query references included, without a store.</summary>
    public static bool TryCheck(string text, QueryOptions options, [NotNullWhen(false)] out QuerySyntaxError? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            Compile(text, options);
            error = null;
            return true;
        }
        catch (QuerySyntaxException e)
        {
            error = e.Error;
            return false;
        }
    }

    /// <summary>The canonical form of a query: lower-case words, single spaces, as explain and tests show it.</summary>
    /// <exception cref="QuerySyntaxException">The text does not parse.</exception>
    public static string Canonical(string text) => QueryFormatter.Format(QueryParser.Parse(text));

    internal static QueryNode Compile(string text, QueryOptions options)
    {
        var query = QueryResolver.Resolve(text, QueryParser.Parse(text), options.Library);
        if (QueryChecker.Check(text, query) is { } error)
            throw new QuerySyntaxException(error);
        return query;
    }
}
