using Sprache;

namespace LogCorrelator.Query.Ast;

/// <summary><c>(restart or kill or failover)</c>: an event of any member.</summary>
internal sealed record UnionSetNode(IReadOnlyList<EventSetNode> Members) : SetNode, IPositionAware<UnionSetNode>
{
    public UnionSetNode SetPos(Position startPos, int length) => this with { Span = new(startPos.Pos, length) };
}
