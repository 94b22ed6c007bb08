using LogCorrelator.Query;
using LogCorrelator.Query.Planning;
using LogCorrelator.Query.Syntax;
using LogCorrelator.Store;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// Turns query text into the rows the TUI pages through. A plain set is planned and paged from the
/// store (a bare <c>errors</c> on ten million events must open at once); a relation runs through
/// <see cref="QueryEngine.Run"/> like <c>logcorr query</c>.
/// </summary>
internal static class ResultSources
{
    public static bool TryOpen(EventStore store, string text, out IResultSource? source, out QuerySyntaxError? error)
    {
        source = null;
        if (!QueryParser.TryParse(text, out var ast, out error))
            return false;
        var plan = QueryPlanner.Plan(ast);
        source = plan.Join is null && plan.Left.Scans.Count == 1
            ? new StoreSetSource(store, plan.Left.Scans[0], plan.Text)
            : new MatchListSource(QueryEngine.Run(store, text), plan.Text);
        return true;
    }
}
