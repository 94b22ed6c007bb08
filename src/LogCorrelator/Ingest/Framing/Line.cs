namespace LogCorrelator.Ingest.Framing;

/// <summary>One physical line: its text without the line break, and where its bytes are in the file.</summary>
public readonly ref struct Line
{
    public Line(ReadOnlySpan<char> text, long offset, int length, int number, int bytesPerChar = 0)
    {
        Text = text;
        Offset = offset;
        Length = length;
        Number = number;
        BytesPerChar = bytesPerChar;
    }

    public ReadOnlySpan<char> Text { get; }
    /// <summary>Byte offset of the line's first byte.</summary>
    public long Offset { get; }
    /// <summary>Bytes of the line including its line break.</summary>
    public int Length { get; }
    /// <summary>1-based.</summary>
    public int Number { get; }
    /// <summary>
    /// Bytes each character of <see cref="Text"/> took in the file when that is the same for all
    /// (UTF-16: 2; Windows-1252 and an all-ASCII UTF-8 line: 1), else 0: a character's byte offset is
    /// then a multiplication, not a count.
    /// </summary>
    public int BytesPerChar { get; }
}
