namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>Walks the whitespace-separated fields of a column-aligned line without allocating.</summary>
internal ref struct Tokens
{
    private ReadOnlySpan<char> _rest;

    public Tokens(ReadOnlySpan<char> text) => _rest = text;

    /// <summary>What is left after the fields read so far, leading blanks skipped.</summary>
    public readonly ReadOnlySpan<char> Rest => _rest.TrimStart(Blanks);

    public bool Next(out ReadOnlySpan<char> token)
    {
        _rest = _rest.TrimStart(Blanks);
        if (_rest.IsEmpty)
        {
            token = default;
            return false;
        }
        int end = _rest.IndexOfAny(Blanks);
        if (end < 0)
            end = _rest.Length;
        token = _rest[..end];
        _rest = _rest[end..];
        return true;
    }

    private const string Blanks = " \t";
}
