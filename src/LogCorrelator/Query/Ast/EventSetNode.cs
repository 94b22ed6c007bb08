using Sprache;

namespace LogCorrelator.Query.Ast;

/// <summary>A named set such as <c>errors 10054,08S01</c> or <c>restart</c>; no codes means any code.</summary>
internal sealed record EventSetNode(SetName Name, IReadOnlyList<CodeNode> Codes) : SetNode, IPositionAware<EventSetNode>
{
    public EventSetNode SetPos(Position startPos, int length) => this with { Span = new(startPos.Pos, length) };
}
