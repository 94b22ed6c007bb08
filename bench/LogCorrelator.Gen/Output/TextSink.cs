using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace LogCorrelator.Gen.Output;

/// <summary>
/// Builds lines in one reused char buffer and encodes it to the stream a block at a time, so
/// writing a line costs span copies and digit arithmetic, never a string. Everything the
/// generator writes is ASCII, which is what makes <see cref="Bytes"/> exact without encoding.
/// </summary>
internal sealed class TextSink
{
    private const int Capacity = 1 << 16;
    private static readonly int UnixEpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    private readonly Stream _stream;
    private readonly bool _utf16;
    private readonly bool _crlf;
    private readonly char[] _chars = new char[Capacity];
    private readonly byte[] _bytes = new byte[Capacity * 2];
    private readonly char[] _date = new char[10];
    private long _dateDay = long.MinValue;
    private long _flushed;
    private int _n;

    public TextSink(Stream stream, bool utf16, bool bom, bool crlf)
    {
        _stream = stream;
        _utf16 = utf16;
        _crlf = crlf;
        if (bom)
        {
            ReadOnlySpan<byte> mark = utf16 ? [0xFF, 0xFE] : [0xEF, 0xBB, 0xBF];
            _stream.Write(mark);
            _flushed = mark.Length;
        }
    }

    /// <summary>Bytes written so far, the BOM included.</summary>
    public long Bytes => _flushed + (_utf16 ? 2L * _n : _n);

    /// <summary>Physical lines ended so far.</summary>
    public long Lines { get; private set; }

    public TextSink Text(ReadOnlySpan<char> s)
    {
        while (!s.IsEmpty)
        {
            if (_n == Capacity)
                Flush();
            int take = Math.Min(s.Length, Capacity - _n);
            s[..take].CopyTo(_chars.AsSpan(_n));
            _n += take;
            s = s[take..];
        }
        return this;
    }

    public TextSink Char(char c)
    {
        if (_n == Capacity)
            Flush();
        _chars[_n++] = c;
        return this;
    }

    public TextSink Int(long value)
    {
        Span<char> digits = stackalloc char[20];
        value.TryFormat(digits, out int written, default, CultureInfo.InvariantCulture);
        return Text(digits[..written]);
    }

    /// <summary>A non-negative number with leading zeros to <paramref name="width"/> digits.</summary>
    public TextSink Pad(long value, int width)
    {
        Span<char> digits = stackalloc char[20];
        int i = width;
        while (i > 0)
        {
            digits[--i] = (char)('0' + value % 10);
            value /= 10;
        }
        return Text(digits[..width]);
    }

    public TextSink Hex(ulong value, int digits)
    {
        Span<char> hex = stackalloc char[16];
        for (int i = digits - 1; i >= 0; i--)
        {
            hex[i] = "0123456789abcdef"[(int)(value & 0xF)];
            value >>= 4;
        }
        return Text(hex[..digits]);
    }

    /// <summary>Spaces up to <paramref name="width"/> characters after a field of <paramref name="used"/>, at least one.</summary>
    public TextSink PadTo(int used, int width)
    {
        for (int i = Math.Max(1, width - used); i > 0; i--)
            Char(' ');
        return this;
    }

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c> and a fraction of <paramref name="fractionDigits"/> (2 or 3) digits.</summary>
    public TextSink Stamp(long localMs, int fractionDigits)
    {
        long day = Math.DivRem(localMs, 86_400_000L, out long msOfDay);
        if (msOfDay < 0)
        {
            day--;
            msOfDay += 86_400_000L;
        }
        Text(Date(day));
        Char(' ').Pad(msOfDay / 3_600_000, 2).Char(':').Pad(msOfDay / 60_000 % 60, 2).Char(':').Pad(msOfDay / 1000 % 60, 2).Char('.');
        return fractionDigits == 2 ? Pad(msOfDay % 1000 / 10, 2) : Pad(msOfDay % 1000, 3);
    }

    /// <summary><c>yyyyMMdd_HHmmss</c>, as backup file names carry it.</summary>
    public TextSink CompactStamp(long localMs)
    {
        long day = Math.DivRem(localMs, 86_400_000L, out long msOfDay);
        var date = Date(day);
        Text(date[..4]).Text(date.Slice(5, 2)).Text(date.Slice(8, 2));
        return Char('_').Pad(msOfDay / 3_600_000, 2).Pad(msOfDay / 60_000 % 60, 2).Pad(msOfDay / 1000 % 60, 2);
    }

    public void EndLine()
    {
        if (_crlf)
            Char('\r');
        Char('\n');
        Lines++;
    }

    /// <summary>Writes text that holds '\n' between physical lines, ending each with this sink's line break.</summary>
    public void Block(ReadOnlySpan<char> text)
    {
        foreach (var range in text.Split('\n'))
        {
            // A checkout with CRLF line endings must not change the corpus: the '\r' is not text.
            Text(text[range].TrimEnd('\r'));
            EndLine();
        }
    }

    public void Flush()
    {
        if (_n == 0)
            return;
        var chars = _chars.AsSpan(0, _n);
        _n = 0;
        if (_utf16 && BitConverter.IsLittleEndian)
        {
            // UTF-16LE is the char buffer's own memory layout: no encoding step at all.
            _stream.Write(MemoryMarshal.AsBytes(chars));
            _flushed += 2L * chars.Length;
            return;
        }
        int count = (_utf16 ? Encoding.Unicode : Encoding.UTF8).GetBytes(chars, _bytes);
        _stream.Write(_bytes, 0, count);
        _flushed += count;
    }

    private ReadOnlySpan<char> Date(long day)
    {
        if (day != _dateDay)
        {
            var d = DateOnly.FromDayNumber(UnixEpochDayNumber + (int)day);
            d.TryFormat(_date, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            _dateDay = day;
        }
        return _date;
    }
}
