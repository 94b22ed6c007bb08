using LogCorrelator.Correlate;
using LogCorrelator.Query.Ast;

namespace LogCorrelator.Query.Planning;

/// <summary>What a left event must satisfy, made executable.</summary>
internal abstract record ConditionPlan(string Text);

/// <summary>
/// One relation: the right set, the window around each left time, the key fields when there is an
/// <c>on</c>, and <see cref="Estimate"/>, the right scans' row count the planner orders chained conditions by.
/// </summary>
internal sealed record RelationPlan(
    string Text,
    RelationKind Kind,
    bool Negated,
    SetPlan Right,
    TimeWindow Window,
    Field? LeftKey,
    Field? RightKey,
    long Estimate) : ConditionPlan(Text);

/// <summary>
/// Chained conditions. For <c>and</c> the items are in the order they run (see <see cref="QueryPlanner"/>):
/// each one only looks at the left events the ones before it kept.
/// </summary>
internal sealed record ConditionGroupPlan(string Text, BoolOp Op, IReadOnlyList<ConditionPlan> Items) : ConditionPlan(Text);
