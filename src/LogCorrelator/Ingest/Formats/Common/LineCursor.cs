namespace LogCorrelator.Ingest.Formats.Common;

/// <summary>
/// A forward-only reader over one line for the layouts whose fields are fixed by a logging
/// pattern (<c>%d %-5p [%t] %c - %m</c>): blanks, words, bracketed fields and literal separators.
/// </summary>
internal ref struct LineCursor
{
    private readonly ReadOnlySpan<char> _line;

    public LineCursor(ReadOnlySpan<char> line, int position)
    {
        _line = line;
        Position = position;
    }

    public int Position { get; private set; }

    public readonly bool AtEnd => Position >= _line.Length;

    /// <summary>Skips blanks and tabs; returns how many.</summary>
    public int SkipBlanks()
    {
        int start = Position;
        while (Position < _line.Length && _line[Position] is ' ' or '\t')
            Position++;
        return Position - start;
    }

    /// <summary>The characters up to the next blank (or the end).</summary>
    public ReadOnlySpan<char> Word()
    {
        int start = Position;
        while (Position < _line.Length && _line[Position] is not (' ' or '\t'))
            Position++;
        return _line[start..Position];
    }

    /// <summary>A <c>[...]</c> field; its content may hold blanks (Spring pads thread names: <c>[           main]</c>).</summary>
    public bool Bracketed(out ReadOnlySpan<char> content)
    {
        content = default;
        if (AtEnd || _line[Position] != '[')
            return false;
        int close = _line[(Position + 1)..].IndexOf(']');
        if (close < 0)
            return false;
        content = _line.Slice(Position + 1, close);
        Position += close + 2;
        return true;
    }

    /// <summary>Consumes <paramref name="literal"/> when the line continues with it.</summary>
    public bool Take(ReadOnlySpan<char> literal)
    {
        if (!_line[Position..].StartsWith(literal, StringComparison.Ordinal))
            return false;
        Position += literal.Length;
        return true;
    }

    /// <summary>Consumes the separator character followed by a blank or the line's end: <c>- msg</c>, <c>: msg</c>.</summary>
    public bool Separator(char c)
    {
        if (AtEnd || _line[Position] != c || (Position + 1 < _line.Length && _line[Position + 1] != ' '))
            return false;
        Position = Math.Min(_line.Length, Position + 2);
        return true;
    }
}
