using LogCorrelator.Query.Ast;
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

    /// <summary>
    /// A quoted text: <c>"forcibly closed"</c>, a quote inside written twice (<c>"say ""hi"""</c>).
    /// Backslashes are plain characters, so a regular expression is written as it is (<c>"\d+"</c>).
    /// </summary>
    public static readonly Parser<ValueNode> Quoted = input =>
    {
        var start = SkipSpace(input);
        if (start.AtEnd || start.Current != '"')
            return Fail<ValueNode>(input, start, new Expectation("a quoted text", ExpectationKind.Value));
        string source = start.Source;
        var text = new System.Text.StringBuilder();
        int i = start.Position + 1;
        while (true)
        {
            if (i >= source.Length)
                return Fail<ValueNode>(input, Advance(start, source.Length - start.Position), new Expectation("'\"'", ExpectationKind.Symbol));
            if (source[i] == '"')
            {
                if (i + 1 < source.Length && source[i + 1] == '"')
                {
                    text.Append('"');
                    i += 2;
                    continue;
                }
                break;
            }
            text.Append(source[i++]);
        }
        int length = i + 1 - start.Position;
        return Result.Success(new ValueNode(text.ToString(), true) { Span = new(start.Position, length) }, Advance(start, length));
    };

    /// <summary>A value to compare with: a quoted text or a bare word.</summary>
    public static readonly Parser<ValueNode> AnyValue = input =>
    {
        var start = SkipSpace(input);
        if (!start.AtEnd && start.Current == '"')
            return Quoted(input);
        int length = WordLength(start.Source, start.Position);
        if (length > 0)
        {
            var value = new ValueNode(start.Source.Substring(start.Position, length), false) { Span = new(start.Position, length) };
            return Result.Success(value, Advance(start, length));
        }
        return Fail<ValueNode>(input, start, new Expectation("a value", ExpectationKind.Value));
    };

    /// <summary><c>@name</c>: a saved query.</summary>
    public static readonly Parser<ReferenceSetNode> Reference = input =>
    {
        var start = SkipSpace(input);
        if (!start.AtEnd && start.Current == '@')
        {
            int length = WordLength(start.Source, start.Position + 1);
            if (length > 0)
            {
                var node = new ReferenceSetNode(start.Source.Substring(start.Position + 1, length)) { Span = new(start.Position, length + 1) };
                return Result.Success(node, Advance(start, length + 1));
            }
        }
        return Fail<ReferenceSetNode>(input, start, new Expectation("a saved query like @unexplained", ExpectationKind.Value));
    };

    /// <summary>A comparison operator, longest first so <c>&lt;=</c> is not read as <c>&lt;</c>.</summary>
    public static readonly Parser<CompareOp> Operator = input =>
    {
        var start = SkipSpace(input);
        var rest = start.Source.AsSpan(start.Position);
        (string Text, CompareOp Op)[] operators =
        [
            ("!=", CompareOp.NotEqual), ("<=", CompareOp.LessOrEqual), (">=", CompareOp.GreaterOrEqual),
            ("=", CompareOp.Equal), ("<", CompareOp.Less), (">", CompareOp.Greater), ("~", CompareOp.Matches),
        ];
        foreach (var (text, op) in operators)
        {
            if (rest.StartsWith(text, StringComparison.Ordinal))
                return Result.Success(op, Advance(start, text.Length));
        }
        return Fail<CompareOp>(input, start, new Expectation("an operator (= != < <= > >= ~)", ExpectationKind.Symbol));
    };

    /// <summary><c>2024-03-05</c>, <c>2024-03-05 11:00</c>, <c>2024-03-05T11:00:30</c>, <c>2024-03-05 11:00:30.250</c>.</summary>
    public static readonly Parser<DateTimeNode> DateTime = input =>
    {
        var start = SkipSpace(input);
        if (DateTimeText.TryRead(start.Source, start.Position, out var node, out int length))
            return Result.Success(node! with { Span = new(start.Position, length) }, Advance(start, length));
        return Fail<DateTimeNode>(input, start, new Expectation("a time like 2024-03-05 11:00", ExpectationKind.Value));
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
