namespace LogCorrelator.Query.Ast;

/// <summary>Where a node was written: a 0-based character offset into the query text and a length.</summary>
internal readonly record struct SourceSpan(int Start, int Length)
{
    public int End => Start + Length;
}
