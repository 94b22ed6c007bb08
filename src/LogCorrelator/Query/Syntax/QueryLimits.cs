using LogCorrelator.Query.Ast;

namespace LogCorrelator.Query.Syntax;

/// <summary>
/// How long and how deeply nested a query may be, checked by one pass over the characters before
/// the recursive descent runs: thousands of nested parentheses or <c>not</c>s would overflow the
/// stack (which no handler can catch) or SQLite's expression depth, and are a query error instead.
/// </summary>
internal static class QueryLimits
{
    public const int MaxLength = 64 * 1024;

    /// <summary>Open parentheses plus <c>not</c>s in a row: far beyond what anyone writes, far below a stack's reach.</summary>
    public const int MaxDepth = 64;

    /// <summary>The first limit <paramref name="text"/> exceeds, with the caret where it does; null within both.</summary>
    public static QuerySyntaxError? Check(string text)
    {
        if (text.Length > MaxLength)
            return SyntaxErrors.About(text, new SourceSpan(MaxLength, 1), $"the query is longer than {MaxLength} characters");
        int parentheses = 0, nots = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '"')
            {
                // A quoted text is a value: its parentheses nest nothing.
                i = QuotedEnd(text, i);
                nots = 0;
                continue;
            }
            // 'not not ( not ...': each not wraps what follows, until another word ends the run.
            int word = Lexeme.WordLength(text, i);
            if (c == '(')
                parentheses++;
            else if (c == ')')
                parentheses = Math.Max(0, parentheses - 1);
            else if (word > 0)
                nots = text.AsSpan(i, word).Equals(Keywords.Not, StringComparison.OrdinalIgnoreCase) ? nots + 1 : 0;
            if (parentheses + nots > MaxDepth)
                return SyntaxErrors.About(text, new SourceSpan(i, Math.Max(word, 1)), $"the query nests deeper than {MaxDepth} levels of parentheses and 'not'");
            i += Math.Max(word, 1) - 1;
        }
        return null;
    }

    /// <summary>The quote that closes the text opened at <paramref name="open"/> (a quote inside is written twice); the end when none does.</summary>
    private static int QuotedEnd(string text, int open)
    {
        for (int i = open + 1; i < text.Length; i++)
        {
            if (text[i] != '"')
                continue;
            if (i + 1 < text.Length && text[i + 1] == '"')
                i++;
            else
                return i;
        }
        return text.Length;
    }
}
