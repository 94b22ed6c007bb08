using LogCorrelator.Events;
using LogCorrelator.Query.Ast;

namespace LogCorrelator.Diagnose.Rules;

/// <summary>
/// One diagnosis rule, checked: a query in the query language plus the structured conditions it
/// cannot say (docs/diagnose.md describes each). The queries are planned per store when evaluated.
/// </summary>
/// <param name="Query">The saved query; its left set is the client errors the rule can explain.</param>
/// <param name="Lag">Accepted lag of the error after a related event, tA - tB, both edges inclusive.</param>
/// <param name="Quiet">The error's host logged nothing for this long before it.</param>
/// <param name="Node">
/// The query, parsed, resolved and checked; its condition is one relation at most, whose right-hand
/// set carries the rule's <c>where</c> (a query-language filter) as its own.
/// </param>
/// <param name="Unless">The relation (left side <c>errors</c>) whose matches the rule drops.</param>
/// <param name="Requires">A query that must return rows for the rule to fire at all.</param>
/// <param name="Lifetime">How long the state each right-hand event shows lasts, per event (TcpTimedWaitDelay).</param>
/// <param name="Follows">A consequence window after the errors another rule explains.</param>
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
    QueryNode Node,
    LagRange? Lag,
    QuietWindow? Quiet,
    UnlessRelation? Unless,
    Requirement? Requires,
    IReadOnlyList<QueryNode> Also,
    int MinErrors,
    bool KeyFallback,
    string? Says,
    FollowsLink? Follows = null,
    StateLifetime? Lifetime = null)
{
    /// <summary>
    /// True when the rule relates errors to events another machine logged (restart, kill, failover):
    /// only such a rule can show that two clocks disagree.
    /// </summary>
    public bool IsAnchored => Node.Relation is { Negated: false } relation
        && SetKinds.All(relation.Right, k => k.IsServerSide() && k != EventKind.LoginFailed && k != EventKind.ServerError);
}
