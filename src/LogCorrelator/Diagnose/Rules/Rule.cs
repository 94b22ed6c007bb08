using LogCorrelator.Events;
using LogCorrelator.Query.Planning;

namespace LogCorrelator.Diagnose.Rules;

/// <summary>
/// One diagnosis rule, checked and planned: a saved query in today's syntax plus the structured
/// conditions the language cannot say yet (docs/diagnose.md describes each).
/// </summary>
/// <param name="Query">The saved query; its left set is the client errors the rule can explain.</param>
/// <param name="Where">Keeps only the right-hand events that pass (<c>count &gt;= 3900</c>).</param>
/// <param name="Lag">Accepted lag of the error after a related event, tA - tB, both edges inclusive.</param>
/// <param name="Quiet">The error's host logged nothing for this long before it.</param>
/// <param name="Unless">The relation (left side <c>errors</c>) whose matches the rule drops.</param>
/// <param name="Requires">A query that must return rows for the rule to fire at all.</param>
/// <param name="Also">Queries whose rows are shown as supporting evidence when there are any.</param>
internal sealed record Rule(
    string Id,
    string Title,
    string Cause,
    string EvidenceText,
    string Remedy,
    string Seed,
    double Confidence,
    string Query,
    QueryPlan Plan,
    AttributeFilter? Where,
    LagRange? Lag,
    QuietWindow? Quiet,
    JoinPlan? Unless,
    Requirement? Requires,
    IReadOnlyList<QueryPlan> Also,
    int MinErrors,
    bool KeyFallback,
    string? Says)
{
    /// <summary>
    /// True when the rule relates errors to events another machine logged (restart, kill, failover):
    /// only such a rule can show that two clocks disagree.
    /// </summary>
    public bool IsAnchored => Plan.Join is { Negated: false } join
        && join.Right.Scans.All(s => s.Kinds is { Count: > 0 } kinds && kinds.All(k => k.IsServerSide() && k != EventKind.LoginFailed && k != EventKind.ServerError));
}
