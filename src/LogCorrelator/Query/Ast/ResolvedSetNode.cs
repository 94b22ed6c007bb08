namespace LogCorrelator.Query.Ast;

/// <summary>
/// A reference after the resolve pass: the saved query's own tree. Written back as <c>@name</c>;
/// never produced by the parser.
/// </summary>
internal sealed record ResolvedSetNode(string Name, QueryNode Query) : SetNode;
