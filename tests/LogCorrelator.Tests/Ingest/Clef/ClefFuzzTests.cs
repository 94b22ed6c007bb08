using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Ingest.Clef;

/// <summary>Damaged CLEF files: every line is an event or a problem, and every range stays inside its line.</summary>
public sealed class ClefFuzzTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Damaged_samples_keep_their_ranges_inside_their_lines_and_account_for_every_line(int seed)
    {
        var random = new Random(seed);
        byte[] bytes = File.ReadAllBytes(RepoPaths.File("sample-logs/formats-clef/WEBAPP02/Logs/orders-web-20240305.clef"));
        for (int i = 0; i < 60; i++)
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        bytes = bytes[..random.Next(bytes.Length / 2, bytes.Length)];

        var run = ClefRun.File(bytes, "app.clef");

        int lines = System.Text.Encoding.UTF8.GetString(bytes).Split('\n').Count(l => !string.IsNullOrWhiteSpace(l));
        Assert.Equal(lines, run.Events.Count + run.Problems.Count);
        Assert.Equal(run.Events.Count + run.Problems.Count, run.Events.Select(e => e.Line).Concat(run.Problems.Select(p => p.Line)).Distinct().Count());
        foreach (var e in run.Events)
        {
            Assert.InRange(e.Offset + e.Length, e.Offset, bytes.Length);
            Assert.InRange(e.MessageOffset, 0, e.Length);
            Assert.InRange(e.MessageOffset + e.MessageLength, e.MessageOffset, e.Length);
        }
    }

    [Fact]
    public void A_message_of_bytes_that_are_no_UTF8_keeps_its_range_inside_the_line()
    {
        // Latin-1 é (0xE9) three times: one byte each in the file, three each once decoded and re-encoded.
        byte[] bytes = [.. "{\"@t\":\"2024-03-05T11:30:00Z\",\"@m\":\""u8, 0xE9, 0xE9, 0xE9, .. "\"}\n"u8];

        var run = ClefRun.File(bytes, "app.clef");

        // Bytes that are no UTF-8 make the file Windows-1252: each é is one byte and one character,
        // so the message is exactly its three bytes, inside the line.
        var e = Assert.Single(run.Events);
        Assert.Equal((35, 3, 41), (e.MessageOffset, e.MessageLength, e.Length));
        Assert.True(e.MessageOffset + e.MessageLength <= e.Length);
    }
}
