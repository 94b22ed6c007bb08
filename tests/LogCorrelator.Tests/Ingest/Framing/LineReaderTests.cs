using System.Text;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Ingest.Framing;

public sealed class LineReaderTests
{
    private static List<(string Text, long Offset, int Length, int Number)> ReadAll(byte[] bytes, int maxLine = LineReader.DefaultMaxLineBytes, RecordingProblems? problems = null)
    {
        var (enc, bom) = EncodingSniffer.Detect(bytes);
        using var reader = new LineReader(new MemoryStream(bytes), enc, bom, problems ?? new RecordingProblems(), maxLine);
        var lines = new List<(string, long, int, int)>();
        while (reader.TryReadLine(out var line))
            lines.Add((line.Text.ToString(), line.Offset, line.Length, line.Number));
        return lines;
    }

    [Fact]
    public void Utf16_with_bom_and_crlf_gives_lines_and_byte_offsets()
    {
        byte[] bytes = [.. new byte[] { 0xFF, 0xFE }, .. Encoding.Unicode.GetBytes("ab\r\nc\r\n")];

        var lines = ReadAll(bytes);

        Assert.Equal([("ab", 2L, 8, 1), ("c", 10L, 6, 2)], lines);
    }

    [Fact]
    public void Utf8_multibyte_text_keeps_byte_offsets()
    {
        var bytes = Encoding.UTF8.GetBytes("héllo\nwörld");

        var lines = ReadAll(bytes);

        Assert.Equal([("héllo", 0L, 7, 1), ("wörld", 7L, 6, 2)], lines);
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_reported_and_skipped()
    {
        var problems = new RecordingProblems();
        var bytes = Encoding.UTF8.GetBytes("first\n" + new string('x', 5000) + "\nlast\n");

        var lines = ReadAll(bytes, maxLine: 1024, problems: problems);

        Assert.Equal(["first", "last"], lines.Select(l => l.Text));
        Assert.Equal(3, lines[1].Number);
        Assert.Equal(5007L, lines[1].Offset);
        Assert.Equal([(2, "line longer than 1 KiB skipped")], problems.Items);
    }

    [Fact]
    public void A_megabyte_line_is_skipped_with_the_default_limit()
    {
        var problems = new RecordingProblems();
        var bytes = Encoding.UTF8.GetBytes("a\n" + new string('y', 1 << 21) + "\nb");

        var lines = ReadAll(bytes, problems: problems);

        Assert.Equal(["a", "b"], lines.Select(l => l.Text));
        Assert.Equal([(2, "line longer than 1 MiB skipped")], problems.Items);
    }

    [Fact]
    public void A_truncated_utf16_file_keeps_its_whole_characters_and_says_so()
    {
        byte[] bytes = [.. new byte[] { 0xFF, 0xFE }, .. Encoding.Unicode.GetBytes("one\r\ntwo"), 0x41];
        var problems = new RecordingProblems();

        var lines = ReadAll(bytes, problems: problems);

        Assert.Equal(["one", "two"], lines.Select(l => l.Text));
        Assert.Equal([(2, "truncated UTF-16: the file ends in the middle of a character")], problems.Items);
    }

    [Fact]
    public void Lines_across_buffer_refills_are_whole()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 20000; i++)
            sb.Append("2024-03-05 11:32:15.62 spid").Append(i).Append("\r\n");
        byte[] bytes = [.. new byte[] { 0xFF, 0xFE }, .. Encoding.Unicode.GetBytes(sb.ToString())];

        var lines = ReadAll(bytes);

        Assert.Equal(20000, lines.Count);
        Assert.Equal("2024-03-05 11:32:15.62 spid12345", lines[12345].Text);
        long expected = 2 + Encoding.Unicode.GetByteCount(string.Concat(Enumerable.Range(0, 12345).Select(i => $"2024-03-05 11:32:15.62 spid{i}\r\n")));
        Assert.Equal(expected, lines[12345].Offset);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x41, 0x00 }, SourceEncoding.Utf16LE, 2)]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x41 }, SourceEncoding.Utf8, 3)]
    [InlineData(new byte[] { 0x41, 0x42, 0x43 }, SourceEncoding.Utf8, 0)]
    public void Encoding_is_told_by_the_bom(byte[] head, SourceEncoding encoding, int bom)
    {
        Assert.Equal((encoding, bom), EncodingSniffer.Detect(head));
    }

    [Fact]
    public void Utf16_without_a_bom_is_recognised_by_its_nuls()
    {
        Assert.Equal((SourceEncoding.Utf16LE, 0), EncodingSniffer.Detect(Encoding.Unicode.GetBytes("2024-03-05 11:32:15.62 Server x")));
    }

    [Fact]
    public void Random_bytes_look_binary_and_log_text_does_not()
    {
        var random = new byte[4096];
        new Random(7).NextBytes(random);

        Assert.True(EncodingSniffer.LooksBinary(random, SourceEncoding.Utf8));
        Assert.False(EncodingSniffer.LooksBinary(Encoding.UTF8.GetBytes("2024-03-05 11:32:15.123 [INF] ok\r\n\tat X\n"), SourceEncoding.Utf8));
    }
}
