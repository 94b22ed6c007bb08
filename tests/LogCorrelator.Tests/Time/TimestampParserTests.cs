using LogCorrelator.Time;

namespace LogCorrelator.Tests.Time;

public sealed class TimestampParserTests
{
    // 2024-03-05T00:00:00Z is 1709596800 s after the Unix epoch.
    private const long Day = 1_709_596_800_000L;

    [Theory]
    [InlineData("2024-03-05 11:32:15.62 spid52", 41_535_620L, null, 22)]
    [InlineData("2024-03-05T11:32:15.123Z x", 41_535_123L, 0, 24)]
    [InlineData("2024-03-05 11:32:15,123 ERROR", 41_535_123L, null, 23)]
    [InlineData("2024-03-05 11:32:15.123 +01:00 [ERR]", 41_535_123L, 60, 30)]
    [InlineData("2024-03-05T11:32:15.1234567-05:00", 41_535_123L, -300, 33)]
    [InlineData("2024-03-05 11:32:15 Server", 41_535_000L, null, 19)]
    public void Parses_the_layouts_logs_use(string text, long msOfDay, int? offset, int length)
    {
        Assert.True(TimestampParser.TryParse(text, out var stamp, out int used));
        Assert.Equal(Day + msOfDay, stamp.LocalMs);
        Assert.Equal(offset, stamp.OffsetMinutes);
        Assert.Equal(length, used);
    }

    [Theory]
    [InlineData("2024-13-05 11:32:15.62")]
    [InlineData("2024-02-30 11:32:15.62")]
    [InlineData("2024-03-05 25:32:15.62")]
    [InlineData("Msg 10054, Level 20")]
    [InlineData("2024-03-05")]
    public void Rejects_what_is_not_a_valid_time(string text)
    {
        Assert.False(TimestampParser.TryParse(text, out _, out _));
    }
}
