using LogCorrelator.Correlate;
using LogCorrelator.Query.Ast;

namespace LogCorrelator.Query.Planning;

/// <summary>How the left set relates to the right one: the window, the key, and whether it is the anti-join.</summary>
internal sealed record JoinPlan(RelationKind Kind, bool Negated, SetPlan Right, DurationNode Duration, TimeWindow Window, JoinKeyNode? Key);
