namespace LogCorrelator.Query.Ast;

/// <summary>
/// The time range of the answer: <c>between T1 and T2</c> (both inclusive), <c>since T</c>, or
/// <c>last 2h</c> (back from the newest event in the store).
/// </summary>
internal sealed record RangeNode(DateTimeNode? From, DateTimeNode? To, DurationNode? Last) : SyntaxNode
{
    public override string ToString() =>
        Last is not null ? $"last {Last}" : To is not null ? $"between {From} and {To}" : $"since {From}";
}
