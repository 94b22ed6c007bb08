namespace LogCorrelator.Query.Ast;

/// <summary>
/// A named set such as <c>errors 10054,08S01</c>, <c>restart</c> or <c>errors "forcibly closed"</c>;
/// no codes means any code, no text any message.
/// </summary>
internal sealed record EventSetNode(SetName Name, IReadOnlyList<CodeNode> Codes, ValueNode? Text = null) : SetNode;
