namespace LogCorrelator.Ingest.Framing;

/// <summary>One physical line: its text without the line break, and where its bytes are in the file.</summary>
public readonly ref struct Line
{
    public Line(ReadOnlySpan<char> text, long offset, int length, int number)
    {
        Text = text;
        Offset = offset;
        Length = length;
        Number = number;
    }

    public ReadOnlySpan<char> Text { get; }
    /// <summary>Byte offset of the line's first byte.</summary>
    public long Offset { get; }
    /// <summary>Bytes of the line including its line break.</summary>
    public int Length { get; }
    /// <summary>1-based.</summary>
    public int Number { get; }
}
