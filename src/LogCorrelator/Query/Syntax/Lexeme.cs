using Sprache;

namespace LogCorrelator.Query.Syntax;

/// <summary>
/// The lexical layer: terminals that read a whole word at a time, so a failure speaks of the word
/// (<c>unexpected 'nera'</c>) rather than of its first letter. Each terminal skips the blanks
/// before it, and on failure tells the <see cref="ExpectationTracker"/> what it wanted there.
/// </summary>
internal static class Lexeme
{
    public static readonly Parser<IEnumerable<char>> Space = Parse.WhiteSpace.Many();

    public static readonly Parser<string> End = input =>
    {
        var start = SkipSpace(input);
        if (start.AtEnd)
            return Result.Success("", start);
        return Fail<string>(input, start, new Expectation("end of query", ExpectationKind.End));
    };

    /// <summary>Word characters: what <c>login-failed</c>, <c>-2</c>, <c>08S01</c> and <c>500ms</c> are made of.</summary>
    public static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';

    public static int WordLength(string source, int start)
    {
        int end = start;
        while (end < source.Length && IsWordChar(source[end]))
            end++;
        return end - start;
    }

    /// <summary>One of several keywords, case-insensitive, as the value it stands for.</summary>
    public static Parser<T> Choice<T>(IReadOnlyList<(string Word, T Value)> words) => input =>
    {
        var start = SkipSpace(input);
        int length = WordLength(start.Source, start.Position);
        var word = start.Source.AsSpan(start.Position, length);
        foreach (var (text, value) in words)
        {
            if (word.Equals(text, StringComparison.OrdinalIgnoreCase))
                return Result.Success(value, Advance(start, length));
        }
        foreach (var (text, _) in words)
            Track(input, start, new Expectation(text, ExpectationKind.Keyword));
        return Result.Failure<T>(input, $"unexpected '{word}'", words.Select(w => w.Word));
    };

    public static Parser<string> Keyword(string word) => Choice<string>([(word, word)]);

    public static Parser<char> Symbol(char symbol) => input =>
    {
        var start = SkipSpace(input);
        if (!start.AtEnd && start.Current == symbol)
            return Result.Success(symbol, start.Advance());
        return Fail<char>(input, start, new Expectation($"'{symbol}'", ExpectationKind.Symbol));
    };

    /// <summary>A word that <paramref name="read"/> accepts, such as a code or a duration.</summary>
    public static Parser<T> Value<T>(string description, TryRead<T> read) => input =>
    {
        var start = SkipSpace(input);
        int length = WordLength(start.Source, start.Position);
        if (length > 0 && read(start.Source.AsSpan(start.Position, length), out var value))
            return Result.Success(value, Advance(start, length));
        return Fail<T>(input, start, new Expectation(description, ExpectationKind.Value));
    };

    private static IResult<T> Fail<T>(IInput input, IInput start, Expectation expected)
    {
        Track(input, start, expected);
        // The failure stays at the input the terminal was given, so Sprache sees nothing consumed.
        return Result.Failure<T>(input, "unexpected input", [expected.Text]);
    }

    private static void Track(IInput input, IInput start, Expectation expected) =>
        (input as TrackedInput)?.Tracker.Expect(start.Position, expected);

    private static IInput SkipSpace(IInput input)
    {
        while (!input.AtEnd && char.IsWhiteSpace(input.Current))
            input = input.Advance();
        return input;
    }

    private static IInput Advance(IInput input, int count)
    {
        for (int i = 0; i < count; i++)
            input = input.Advance();
        return input;
    }
}
