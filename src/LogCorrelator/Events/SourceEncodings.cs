using System.Text;

namespace LogCorrelator.Events;

/// <summary>What each <see cref="SourceEncoding"/> means in bytes: one place for every reader and writer of source text.</summary>
public static class SourceEncodings
{
    private static readonly Encoding Utf8 = new UTF8Encoding(false, false);

    // Windows-1252 comes with the framework's code pages provider; no registration is needed to ask it
    // directly. Built on first use: most runs never meet such a file.
    private static readonly Lazy<Encoding> Windows1252 = new(() => CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("the Windows-1252 code page is not available"));

    public static Encoding Of(SourceEncoding encoding) => encoding switch
    {
        SourceEncoding.Utf16LE => Encoding.Unicode,
        SourceEncoding.Utf16BE => Encoding.BigEndianUnicode,
        SourceEncoding.Windows1252 => Windows1252.Value,
        _ => Utf8,
    };

    /// <summary>Bytes per code unit: a line break and a character boundary are multiples of it.</summary>
    public static int Unit(SourceEncoding encoding) => IsUtf16(encoding) ? 2 : 1;

    public static bool IsUtf16(SourceEncoding encoding) => encoding is SourceEncoding.Utf16LE or SourceEncoding.Utf16BE;

    /// <summary>The bytes <paramref name="text"/> takes in the file.</summary>
    public static int ByteCount(SourceEncoding encoding, ReadOnlySpan<char> text) => encoding switch
    {
        SourceEncoding.Utf16LE or SourceEncoding.Utf16BE => text.Length * 2,
        SourceEncoding.Windows1252 => text.Length,
        _ => Encoding.UTF8.GetByteCount(text),
    };
}
