using Sprache;

namespace LogCorrelator.Query.Ast;

/// <summary>A whole query: a set, optionally related to another set.</summary>
internal sealed record QueryNode(EventSetNode Left, RelationNode? Relation) : SyntaxNode, IPositionAware<QueryNode>
{
    public QueryNode SetPos(Position startPos, int length) => this with { Span = new(startPos.Pos, length) };
}
