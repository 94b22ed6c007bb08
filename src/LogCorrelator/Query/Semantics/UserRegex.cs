using System.Text.RegularExpressions;
using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Syntax;

namespace LogCorrelator.Query.Semantics;

/// <summary>
/// A regular expression written in a query (<c>~</c>), case-insensitive. It runs on .NET's
/// non-backtracking engine, linear in the text whatever the pattern: <c>(a+)+$</c> over a long run
/// of a's would otherwise backtrack for ever. A pattern that engine refuses (a backreference, a
/// lookaround, an atomic or conditional group) runs on the backtracking engine, each match limited
/// to <see cref="MatchTimeout"/>; past it the query stops with <see cref="TooSlow"/>.
/// </summary>
internal static class UserRegex
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private const RegexOptions Flags = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <exception cref="RegexParseException">The pattern is not a regular expression.</exception>
    public static Regex Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, Flags | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, Flags, MatchTimeout);
        }
    }

    /// <summary>The query error for a pattern that ran out of time: the caret under the pattern where the query writes it.</summary>
    public static QuerySyntaxError TooSlow(string text, string pattern)
    {
        string quoted = "\"" + pattern.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        int at = text.IndexOf(quoted, StringComparison.Ordinal);
        // A pattern from a saved query is not in the text: the whole query is the best place to show.
        var span = at >= 0 ? new SourceSpan(at, quoted.Length) : new SourceSpan(0, text.Length);
        return SyntaxErrors.About(text, span, $"the regular expression {quoted} ran over {MatchTimeout.TotalSeconds:0} s on one value",
            hint: "backreferences and lookarounds backtrack; without them a pattern runs in linear time");
    }
}
