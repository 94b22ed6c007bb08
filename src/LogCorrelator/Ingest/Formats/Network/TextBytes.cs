using System.Text;
using LogCorrelator.Events;

namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>
/// Events locate their message in bytes of the file: tshark's arrows are three bytes in UTF-8, and
/// a netstat redirected by Windows PowerShell is UTF-16, two bytes a character.
/// </summary>
internal static class TextBytes
{
    public static int Count(ReadOnlySpan<char> text, SourceEncoding encoding) =>
        SourceEncodings.ByteCount(encoding, text);
}
