using System.Buffers;
using System.Text;
using LogCorrelator.Events;

namespace LogCorrelator.Ingest.Framing;

/// <summary>
/// Gathers the physical lines of one logical entry (a message and its stack trace) into one
/// reused char buffer, joined by '\n', and remembers where each line's bytes are, so a character
/// range of the entry maps back to a byte range of the file.
/// </summary>
public sealed class EntryBuffer : IDisposable
{
    /// <summary>A runaway entry keeps its byte range, but its text stops growing here.</summary>
    public const int MaxChars = 256 * 1024;

    private char[] _text = ArrayPool<char>.Shared.Rent(4096);
    private int _length;
    private int[] _lineCharStarts = new int[16];
    private long[] _lineOffsets = new long[16];
    private int[] _lineBytesPerChar = new int[16];
    private int _lines;
    private readonly SourceEncoding _encoding;

    public EntryBuffer(SourceEncoding encoding) => _encoding = encoding;

    public bool IsEmpty => _lines == 0;
    public ReadOnlySpan<char> Text => _text.AsSpan(0, _length);
    public long Offset { get; private set; }
    /// <summary>Bytes from the first line's start to the end of the last line's break.</summary>
    public int Length { get; private set; }
    public int FirstLine { get; private set; }
    public int LineCount => _lines;

    public void Start(in Line line)
    {
        _length = 0;
        _lines = 0;
        Offset = line.Offset;
        Length = 0;
        FirstLine = line.Number;
        Append(line);
    }

    public void Append(in Line line)
    {
        if (_lines == _lineCharStarts.Length)
        {
            Array.Resize(ref _lineCharStarts, _lines * 2);
            Array.Resize(ref _lineOffsets, _lines * 2);
            Array.Resize(ref _lineBytesPerChar, _lines * 2);
        }
        if (_lines > 0 && _length < MaxChars)
            Put("\n");
        _lineCharStarts[_lines] = _length;
        _lineOffsets[_lines] = line.Offset;
        _lineBytesPerChar[_lines] = line.BytesPerChar;
        _lines++;
        if (_length < MaxChars)
            Put(line.Text[..Math.Min(line.Text.Length, MaxChars - _length)]);
        Length = (int)Math.Min(int.MaxValue, line.Offset + line.Length - Offset);
    }

    public void Clear()
    {
        _length = 0;
        _lines = 0;
        Length = 0;
    }

    /// <summary>The text of line <paramref name="index"/> (0-based within the entry).</summary>
    public ReadOnlySpan<char> LineText(int index)
    {
        int start = _lineCharStarts[index];
        int end = index + 1 < _lines ? _lineCharStarts[index + 1] - 1 : _length;
        return _text.AsSpan(start, Math.Max(0, end - start));
    }

    /// <summary>Byte offset, relative to the entry's start, of character <paramref name="charIndex"/> of <see cref="Text"/>.</summary>
    public int ByteOffsetOf(int charIndex)
    {
        int line = Array.BinarySearch(_lineCharStarts, 0, _lines, charIndex);
        if (line < 0)
            line = ~line - 1;
        int within = charIndex - _lineCharStarts[line];
        long lineStart = _lineOffsets[line] - Offset;
        int perChar = _lineBytesPerChar[line];
        int bytes = perChar > 0 ? within * perChar : SourceEncodings.ByteCount(_encoding, _text.AsSpan(_lineCharStarts[line], within));
        return (int)(lineStart + bytes);
    }

    private void Put(ReadOnlySpan<char> s)
    {
        if (_length + s.Length > _text.Length)
        {
            var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_text.Length * 2, _length + s.Length));
            _text.AsSpan(0, _length).CopyTo(bigger);
            ArrayPool<char>.Shared.Return(_text);
            _text = bigger;
        }
        s.CopyTo(_text.AsSpan(_length));
        _length += s.Length;
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_text);
        _text = [];
    }
}
