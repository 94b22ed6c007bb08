namespace LogCorrelator.Tests.Ingest.ErrorLog;

/// <summary>Damaged files: whatever the bytes, the reader reports and goes on, and its ranges stay inside the file.</summary>
public sealed class ErrorLogFuzzTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Damaged_samples_give_ranges_inside_their_entries(int seed)
    {
        var random = new Random(seed);
        byte[] bytes = File.ReadAllBytes(ErrorLogRun.SamplePath("ERRORLOG"));
        for (int i = 0; i < 400; i++)
            bytes[random.Next(2, bytes.Length)] = (byte)random.Next(256);
        bytes = bytes[..random.Next(bytes.Length / 2, bytes.Length)];

        var run = ErrorLogRun.Read(bytes);

        Assert.NotEmpty(run.Events);
        long previousEnd = 2;
        foreach (var e in run.Events)
        {
            Assert.True(e.Offset >= previousEnd, $"entry at line {e.Line} overlaps the one before");
            Assert.InRange(e.MessageOffset, 0, e.Length);
            Assert.InRange(e.MessageOffset + e.MessageLength, e.MessageOffset, e.Length);
            previousEnd = e.Offset + e.Length;
        }
        Assert.InRange(previousEnd, 2, bytes.Length);
    }

    [Fact]
    public void Random_text_is_orphans_not_events()
    {
        var random = new Random(7);
        var text = new char[5000];
        for (int i = 0; i < text.Length; i++)
            text[i] = random.Next(20) == 0 ? '\n' : (char)random.Next(32, 127);
        var run = ErrorLogRun.Read(ErrorLogRun.Utf8(new string(text)));
        Assert.Empty(run.Events);
        var problem = Assert.Single(run.Problems);
        Assert.Equal(1, problem.Line);
        Assert.EndsWith("lines before the first timestamped line are not part of any entry", problem.Message);
    }
}
