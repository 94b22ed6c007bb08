using LogCorrelator.Query;
using LogCorrelator.Query.Planning;
using LogCorrelator.Store;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// Turns query text into the rows the TUI pages through. A plain set (kinds and codes, no filter,
/// range, condition or pipe) is paged from the store (a bare <c>errors</c> on ten million events
/// must open at once); anything else runs through <see cref="QueryEngine.Run"/> like <c>logcorr query</c>.
/// </summary>
internal static class ResultSources
{
    public static bool TryOpen(EventStore store, string text, QueryOptions options, out IResultSource? source, out QuerySyntaxError? error)
    {
        source = null;
        QueryPlan plan;
        try
        {
            plan = QueryPlanner.Plan(store, QueryEngine.Compile(text, options), null);
        }
        catch (QuerySyntaxException e)
        {
            error = e.Error;
            return false;
        }
        error = null;
        bool narrow = plan is { From: null, To: null, Pipes.Count: 0 };
        source = PlainScan(plan) is { } scan
            ? new StoreSetSource(store, scan, plan.Text) { CanNarrow = narrow }
            : new MatchListSource(QueryEngine.Run(store, text, options), plan.Text) { CanNarrow = narrow };
        return true;
    }

    private static EventScan? PlainScan(QueryPlan plan) =>
        plan is { Condition: null, Pipes.Count: 0, From: null, To: null, Left: ScanSetPlan { Scan: { Filter: null } scan } }
            ? new EventScan
            {
                Kinds = scan.Kinds,
                Codes = scan.Codes.Count > 0 ? scan.Codes : null,
                SqlStates = scan.SqlStates.Count > 0 ? scan.SqlStates : null,
            }
            : null;
}
