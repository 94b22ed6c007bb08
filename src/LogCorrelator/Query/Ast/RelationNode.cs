namespace LogCorrelator.Query.Ast;

/// <summary><c>[not] near|after|before SET within DURATION [on FIELD [= FIELD]]</c>.</summary>
internal sealed record RelationNode(bool Negated, RelationKind Kind, SetNode Right, DurationNode Window, JoinKeyNode? Key)
    : ConditionNode;
