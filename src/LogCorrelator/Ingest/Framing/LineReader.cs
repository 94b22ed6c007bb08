using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using LogCorrelator.Events;

namespace LogCorrelator.Ingest.Framing;

/// <summary>
/// Frames a stream into lines with their byte offsets, streaming through one pooled buffer.
/// UTF-16LE lines are reinterpreted in place (no decode, no copy); UTF-8 lines are decoded into
/// a reused char buffer. A line longer than the limit is reported and skipped, never loaded whole.
/// A run of NUL characters (what a crash or a preallocating logger leaves in a file) is reported and
/// skipped; the text either side of it is read as two lines with the same number.
/// </summary>
public sealed class LineReader : IDisposable
{
    public const int DefaultMaxLineBytes = 1 << 20;

    private readonly Stream _stream;
    private readonly SourceEncoding _encoding;
    private readonly IProblemReporter _problems;
    private readonly int _maxLineBytes;
    private readonly Decoder _utf8 = new UTF8Encoding(false, false).GetDecoder();
    private byte[] _buf;
    private char[] _chars;
    private int _start;
    private int _end;
    private long _bufferFileOffset;
    private bool _eof;
    private int _number;

    /// <summary>The next line goes on the last one, cut by a NUL run: it keeps its number.</summary>
    private bool _sameLine;

    public LineReader(Stream stream, SourceEncoding encoding, int bomLength, IProblemReporter problems,
        int maxLineBytes = DefaultMaxLineBytes)
    {
        _stream = stream;
        _encoding = encoding;
        _problems = problems;
        _maxLineBytes = maxLineBytes;
        _buf = ArrayPool<byte>.Shared.Rent(1 << 16);
        _chars = ArrayPool<char>.Shared.Rent(1 << 12);
        if (bomLength > 0)
        {
            Fill();
            _start = Math.Min(bomLength, _end);
        }
    }

    public SourceEncoding Encoding => _encoding;

    /// <summary>Lines read so far (the number of the last line returned).</summary>
    public int LineNumber => _number;

    /// <summary>Bytes consumed so far.</summary>
    public long Position => _bufferFileOffset + _start;

    public bool TryReadLine(out Line line)
    {
        int unit = SourceEncodings.Unit(_encoding);
        while (true)
        {
            int nl = FindNewline();
            if (nl < 0 && !_eof && _end - _start <= _maxLineBytes)
            {
                Fill();
                continue;
            }
            if ((nl < 0 && !_eof) || (nl >= 0 && nl - _start > _maxLineBytes) || (nl < 0 && _end - _start > _maxLineBytes))
            {
                SkipLongLine(unit, nl);
                continue;
            }
            int lineEnd = nl < 0 ? _end : nl;
            int next = nl < 0 ? _end : nl + unit;
            if (nl < 0)
            {
                if (_end - _start < unit)
                {
                    if (_end > _start)
                        _problems.Report(_number + 1, "truncated UTF-16: the file ends in the middle of a character");
                    _start = _end;
                    line = default;
                    return false;
                }
                if (unit == 2 && (_end - _start) % 2 == 1)
                {
                    _problems.Report(_number + 1, "truncated UTF-16: the file ends in the middle of a character");
                    lineEnd = _end - 1;
                }
            }
            int nul = IndexOfNul(_start, lineEnd);
            if (nul == _start)
            {
                SkipNulRun(lineEnd, next);
                continue;
            }
            if (nul > 0)
                lineEnd = next = nul;
            if (!_sameLine)
                _number++;
            _sameLine = nul > 0;
            long offset = Position;
            ReadOnlySpan<char> text = Decode(_start, lineEnd);
            int bytesPerChar = _encoding switch
            {
                SourceEncoding.Utf16LE or SourceEncoding.Utf16BE => 2,
                SourceEncoding.Windows1252 => 1,
                // UTF-8 decoded to as many chars as it had bytes: every one was ASCII.
                _ => text.Length == lineEnd - _start ? 1 : 0,
            };
            if (!text.IsEmpty && text[^1] == '\r')
                text = text[..^1];
            int length = next - _start;
            _start = next;
            line = new Line(text, offset, length, _number, bytesPerChar);
            return true;
        }
    }

    /// <summary>Reports the NUL run at the start of the line and steps over it (and over the line break when nothing else is left).</summary>
    private void SkipNulRun(int lineEnd, int next)
    {
        int after = EndOfNulRun(_start, lineEnd);
        _number = _sameLine ? _number : _number + 1;
        _problems.Report(_number, $"{after - _start} NUL bytes skipped");
        // Text after the run is read as the rest of this line; else the line is done.
        _sameLine = after < lineEnd;
        _start = _sameLine ? after : next;
    }

    /// <summary>Where the first NUL character in [from, to) is, in bytes; -1 when none.</summary>
    private int IndexOfNul(int from, int to)
    {
        int i = SourceEncodings.IsUtf16(_encoding) ? Chars(from, to).IndexOf('\0') : _buf.AsSpan(from, to - from).IndexOf((byte)0);
        return i < 0 ? -1 : from + i * SourceEncodings.Unit(_encoding);
    }

    /// <summary>Where the NUL run that starts at <paramref name="from"/> ends, in bytes.</summary>
    private int EndOfNulRun(int from, int to)
    {
        int i = SourceEncodings.IsUtf16(_encoding) ? Chars(from, to).IndexOfAnyExcept('\0') : _buf.AsSpan(from, to - from).IndexOfAnyExcept((byte)0);
        return i < 0 ? to : from + i * SourceEncodings.Unit(_encoding);
    }

    private ReadOnlySpan<char> Chars(int from, int to) => MemoryMarshal.Cast<byte, char>(_buf.AsSpan(from, (to - from) & ~1));

    /// <summary>Reports an over-long line once and discards it up to its line break, never holding it whole.</summary>
    private void SkipLongLine(int unit, int nl)
    {
        _number++;
        _problems.Report(_number, $"line longer than {Limit} skipped");
        while (nl < 0 && !_eof)
        {
            _start = _end - (_end - _start) % unit;
            Fill();
            nl = FindNewline();
        }
        _start = nl < 0 ? _end : nl + unit;
    }

    private string Limit => _maxLineBytes >= 1 << 20 ? $"{_maxLineBytes >> 20} MiB" : $"{_maxLineBytes >> 10} KiB";

    private int FindNewline()
    {
        if (SourceEncodings.IsUtf16(_encoding))
        {
            // Big endian '\n' is 00 0A: read as a little-endian char, 0x0A00.
            int len = (_end - _start) & ~1;
            char newline = _encoding == SourceEncoding.Utf16LE ? '\n' : (char)0x0A00;
            int i = MemoryMarshal.Cast<byte, char>(_buf.AsSpan(_start, len)).IndexOf(newline);
            return i < 0 ? -1 : _start + 2 * i;
        }
        int j = _buf.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
        return j < 0 ? -1 : _start + j;
    }

    private ReadOnlySpan<char> Decode(int from, int to)
    {
        if (_encoding == SourceEncoding.Utf16LE)
            return MemoryMarshal.Cast<byte, char>(_buf.AsSpan(from, (to - from) & ~1));
        int max = to - from;
        if (_chars.Length < max)
        {
            ArrayPool<char>.Shared.Return(_chars);
            _chars = ArrayPool<char>.Shared.Rent(max);
        }
        int n = _encoding switch
        {
            SourceEncoding.Utf8 => _utf8.GetChars(_buf.AsSpan(from, max), _chars, flush: true),
            SourceEncoding.Utf16BE => SourceEncodings.Of(_encoding).GetChars(_buf.AsSpan(from, max & ~1), _chars),
            _ => SourceEncodings.Of(_encoding).GetChars(_buf.AsSpan(from, max), _chars),
        };
        return _chars.AsSpan(0, n);
    }

    /// <summary>Reads more bytes, compacting or growing the buffer. Returns false at end of file.</summary>
    private bool Fill()
    {
        if (_eof)
            return false;
        if (_start > 0)
        {
            int keep = _end - _start;
            Buffer.BlockCopy(_buf, _start, _buf, 0, keep);
            _bufferFileOffset += _start;
            _start = 0;
            _end = keep;
        }
        if (_end == _buf.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buf.Length * 2);
            Buffer.BlockCopy(_buf, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buf);
            _buf = bigger;
        }
        int read = _stream.Read(_buf, _end, _buf.Length - _end);
        if (read == 0)
        {
            _eof = true;
            return false;
        }
        _end += read;
        return true;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buf);
        ArrayPool<char>.Shared.Return(_chars);
        _buf = [];
        _chars = [];
    }
}
