using System.Text;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest.Formats.Common;

/// <summary>
/// Byte counts inside a line the reader decoded, for message ranges: a multiplication when every character took
/// the same bytes (<see cref="Line.BytesPerChar"/>), else a UTF-8 count (the files logcorr writes are UTF-8).
/// </summary>
internal static class LineBytes
{
    public static int Of(ReadOnlySpan<char> text, int bytesPerChar) =>
        bytesPerChar <= 1 ? Encoding.UTF8.GetByteCount(text) : bytesPerChar * text.Length;
}
