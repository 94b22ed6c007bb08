using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Ingest.Framing;

public sealed class EntryBufferTests
{
    [Theory]
    [InlineData(SourceEncoding.Utf8)]
    [InlineData(SourceEncoding.Utf16LE)]
    public void A_character_range_maps_back_to_the_bytes_of_the_file(SourceEncoding encoding)
    {
        const string text = "2024-03-05 10:00:00.000 [ERR] fail\r\nSystem.Exception: bé bad\r\n   at X()\r\n";
        var bytes = encoding == SourceEncoding.Utf8 ? Encoding.UTF8.GetBytes(text) : Encoding.Unicode.GetBytes(text);
        using var reader = new LineReader(new MemoryStream(bytes), encoding, 0, new RecordingProblems());
        using var entry = new EntryBuffer(encoding);
        reader.TryReadLine(out var first);
        entry.Start(first);
        while (reader.TryReadLine(out var next))
            entry.Append(next);

        int start = entry.Text.IndexOf("System.Exception");
        int end = entry.Text.IndexOf("\n   at");
        int from = entry.ByteOffsetOf(start), to = entry.ByteOffsetOf(end);
        var decoded = (encoding == SourceEncoding.Utf8 ? Encoding.UTF8 : Encoding.Unicode).GetString(bytes, from, to - from);

        Assert.Equal("System.Exception: bé bad", decoded);
        Assert.Equal(3, entry.LineCount);
        Assert.Equal(bytes.Length, entry.Length);
        Assert.Equal("   at X()", entry.LineText(2).ToString());
    }
}
