using Sprache;

namespace LogCorrelator.Query.Syntax;

/// <summary>
/// Sprache's input, plus one <see cref="ExpectationTracker"/> shared by every position of the same
/// parse (Sprache's own <c>Input</c> cannot carry state from one position to the next).
/// </summary>
internal sealed class TrackedInput : IInput
{
    private IDictionary<object, object>? _memos;

    public TrackedInput(string source)
        : this(source, 0, 1, 1, new ExpectationTracker())
    {
    }

    private TrackedInput(string source, int position, int line, int column, ExpectationTracker tracker)
    {
        Source = source;
        Position = position;
        Line = line;
        Column = column;
        Tracker = tracker;
    }

    public ExpectationTracker Tracker { get; }

    public string Source { get; }

    public int Position { get; }

    public int Line { get; }

    public int Column { get; }

    public bool AtEnd => Position == Source.Length;

    public char Current => Source[Position];

    public IDictionary<object, object> Memos => _memos ??= new Dictionary<object, object>();

    public IInput Advance()
    {
        if (AtEnd)
            throw new InvalidOperationException("The input is already at the end of the source.");
        bool newLine = Current == '\n';
        return new TrackedInput(Source, Position + 1, newLine ? Line + 1 : Line, newLine ? 1 : Column + 1, Tracker);
    }

    public bool Equals(IInput? other) =>
        other is not null && Position == other.Position && string.Equals(Source, other.Source, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is IInput other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Source.Length, Position);
}
