using System.Text.Json;

namespace LogCorrelator.Ingest.Formats.Clef;

/// <summary>
/// A JSON string as it sits in the file, escapes and all: unescaped for reading, and walked to map a
/// position in the unescaped text back to a byte of the raw string, so an event can point at part of one.
/// </summary>
internal static class RawJsonString
{
    /// <summary>Unescapes one string token given with its quotes; <paramref name="destination"/> holds at least its byte count.</summary>
    public static int Unescape(ReadOnlySpan<byte> quoted, Span<char> destination)
    {
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.CopyString(destination);
    }

    /// <summary>
    /// The byte index in a raw string's content (valid UTF-8 between the quotes) where unescaped char
    /// <paramref name="charIndex"/> begins: an escape (<c>\n</c>, <c>\"</c>, <c>\u00e9</c>) is one char,
    /// a UTF-8 sequence one char, or two when it is outside the BMP (a surrogate pair).
    /// </summary>
    public static int ByteIndexOf(ReadOnlySpan<byte> content, int charIndex)
    {
        int i = 0, chars = 0;
        while (i < content.Length && chars < charIndex)
        {
            byte b = content[i];
            if (b == (byte)'\\')
                i += i + 1 < content.Length && content[i + 1] == (byte)'u' ? 6 : 2;
            else if (b < 0x80)
                i++;
            else if (b >= 0xF0)
            {
                i += 4;
                chars++;
            }
            else
                i += b >= 0xE0 ? 3 : 2;
            chars++;
        }
        return Math.Min(i, content.Length);
    }
}
