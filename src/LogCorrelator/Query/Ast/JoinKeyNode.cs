using Sprache;

namespace LogCorrelator.Query.Ast;

/// <summary><c>on host</c> (same field both sides) or <c>on host = peer</c> (left field = right field).</summary>
internal sealed record JoinKeyNode(KeyField Left, KeyField Right) : SyntaxNode, IPositionAware<JoinKeyNode>
{
    public JoinKeyNode SetPos(Position startPos, int length) => this with { Span = new(startPos.Pos, length) };
}
