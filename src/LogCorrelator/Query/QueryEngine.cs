using System.Diagnostics.CodeAnalysis;
using LogCorrelator.Query.Planning;
using LogCorrelator.Query.Syntax;
using LogCorrelator.Store;

namespace LogCorrelator.Query;

/// <summary>
/// The query entry point, in named passes: parse (text to AST), plan (AST to store scans and a
/// join), execute (scans, join core, resolve the events shown).
/// </summary>
public static class QueryEngine
{
    /// <summary>Runs a query over the store.</summary>
    /// <exception cref="QuerySyntaxException">The text does not parse.</exception>
    public static QueryResult Run(EventStore store, string text)
    {
        ArgumentNullException.ThrowIfNull(store);
        var plan = QueryPlanner.Plan(QueryParser.Parse(text));
        return QueryExecutor.Execute(store, plan, text);
    }

    /// <summary>How the query would run: the scans, the rows each loads, and the join.</summary>
    /// <exception cref="QuerySyntaxException">The text does not parse.</exception>
    public static string Explain(EventStore store, string text)
    {
        ArgumentNullException.ThrowIfNull(store);
        return QueryExplainer.Explain(store, QueryPlanner.Plan(QueryParser.Parse(text)));
    }

    /// <summary>Checks a query without running it; the error says where and why it fails.</summary>
    public static bool TryCheck(string text, [NotNullWhen(false)] out QuerySyntaxError? error) =>
        QueryParser.TryParse(text, out _, out error);
}
