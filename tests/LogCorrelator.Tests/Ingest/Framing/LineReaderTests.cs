using System.Text;
using LogCorrelator.Events;
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
    public void A_nul_run_at_the_start_of_a_line_is_reported_and_the_line_read_after_it()
    {
        var problems = new RecordingProblems();
        byte[] bytes = [.. Encoding.UTF8.GetBytes("one\n"), .. new byte[4096], .. Encoding.UTF8.GetBytes("two\nthree\n")];

        var lines = ReadAll(bytes, problems: problems);

        Assert.Equal([("one", 0L, 4, 1), ("two", 4100L, 4, 2), ("three", 4104L, 6, 3)], lines);
        Assert.Equal([(2, "4096 NUL bytes skipped")], problems.Items);
    }

    [Fact]
    public void A_nul_run_inside_a_line_cuts_it_in_two_pieces_of_the_same_number()
    {
        var problems = new RecordingProblems();
        byte[] bytes = [.. Encoding.UTF8.GetBytes("one\ntw"), .. new byte[100], .. Encoding.UTF8.GetBytes("o\nthree")];

        var lines = ReadAll(bytes, problems: problems);

        Assert.Equal([("one", 0L, 4, 1), ("tw", 4L, 2, 2), ("o", 106L, 2, 2), ("three", 108L, 5, 3)], lines);
        Assert.Equal([(2, "100 NUL bytes skipped")], problems.Items);
    }

    [Fact]
    public void Nul_lines_and_a_nul_tail_are_skipped_and_counted_as_the_lines_they_are()
    {
        var problems = new RecordingProblems();
        byte[] bytes = [.. Encoding.UTF8.GetBytes("one\n"), .. new byte[10], (byte)'\n', .. Encoding.UTF8.GetBytes("three\n"), .. new byte[64]];

        var lines = ReadAll(bytes, problems: problems);

        Assert.Equal([("one", 0L, 4, 1), ("three", 15L, 6, 3)], lines);
        Assert.Equal([(2, "10 NUL bytes skipped"), (4, "64 NUL bytes skipped")], problems.Items);
    }

    [Fact]
    public void Utf16_nul_characters_are_skipped_by_the_character()
    {
        var problems = new RecordingProblems();
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("ab\r\n"), .. new byte[512], .. Encoding.Unicode.GetBytes("c\r\n")];

        var lines = ReadAll(bytes, problems: problems);

        Assert.Equal([("ab", 2L, 8, 1), ("c", 522L, 6, 2)], lines);
        Assert.Equal([(2, "512 NUL bytes skipped")], problems.Items);
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

    [Fact]
    public void A_log_with_a_nul_block_is_text_and_a_sample_mostly_of_nul_blocks_or_half_random_bytes_is_not()
    {
        byte[] log = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("2024-03-05 11:32:15.123 [INF] HTTP GET /health/live responded 200\n", 1000)));
        byte[] withBlock = [.. log.AsSpan(0, 20_000), .. new byte[4096], .. log.AsSpan(20_000, 40_000)];
        byte[] mostlyNul = [.. log.AsSpan(0, 20_000), .. new byte[40_000]];
        var noise = new byte[20_000];
        new Random(7).NextBytes(noise);
        byte[] withNoise = [.. log.AsSpan(0, 20_000), .. noise];

        Assert.Equal((false, true, true), (EncodingSniffer.LooksBinary(withBlock, SourceEncoding.Utf8),
            EncodingSniffer.LooksBinary(mostlyNul, SourceEncoding.Utf8), EncodingSniffer.LooksBinary(withNoise, SourceEncoding.Utf8)));
    }
}
