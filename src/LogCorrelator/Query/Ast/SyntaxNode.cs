namespace LogCorrelator.Query.Ast;

/// <summary>
/// Base of the AST records. The span is set by the grammar's <c>.Positioned()</c>, so a later
/// pass can point a caret at the exact words an error is about.
/// </summary>
internal abstract record SyntaxNode
{
    public SourceSpan Span { get; init; }
}
