namespace LogCorrelator.Query.Ast;

/// <summary>
/// A value as written: a bare word (<c>SQLPROD01</c>, <c>10054</c>, <c>08S01</c>) or a quoted text
/// (<c>"forcibly closed"</c>, a quote inside doubled). Its type is decided by the field it is compared with.
/// </summary>
internal sealed record ValueNode(string Text, bool Quoted) : SyntaxNode
{
    public override string ToString() => Quoted || Text.Length == 0 ? Quote(Text) : Text;

    public static string Quote(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The offset in the query of a character of <see cref="Text"/>: past the opening quote and any doubled quotes.</summary>
    public int SourceOffset(int index)
    {
        if (!Quoted)
            return Span.Start + index;
        int doubled = 0;
        for (int i = 0; i < Math.Min(index, Text.Length); i++)
        {
            if (Text[i] == '"')
                doubled++;
        }
        return Span.Start + 1 + index + doubled;
    }
}
