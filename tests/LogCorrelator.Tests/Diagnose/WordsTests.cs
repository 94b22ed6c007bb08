using LogCorrelator.Diagnose.Wording;

namespace LogCorrelator.Tests.Diagnose;

/// <summary>How the report's sentences write numbers: the decimals follow the spread.</summary>
public sealed class WordsTests
{
    [Theory]
    [InlineData(2.170, 58.461, "2–58 s")]
    [InlineData(0.334, 199.362, "0.3–199 s")]
    [InlineData(35.084, 35.096, "35.08–35.10 s")]
    [InlineData(0.841, 4.437, "0.8–4.4 s")]
    [InlineData(0.003, 0.022, "3–22 ms")]
    [InlineData(12, 12, "12.0 s")]
    [InlineData(2.17, 2.17, "2.17 s")]
    public void Seconds(double min, double max, string text) => Assert.Equal(text, Words.Seconds(min, max));

    [Theory]
    [InlineData(2.170, 58.461, "2–58 s after")]
    [InlineData(-9.5, -3.2, "3.2–9.5 s before")]
    [InlineData(-1.947, 26.917, "from 2 s before to 27 s after")]
    public void When(double min, double max, string text) => Assert.Equal(text, Words.When(min, max));

    [Theory]
    [InlineData(452.315, 2221.253, "8–37 min")]
    [InlineData(30, 95, "30–95 s")]
    [InlineData(7200, 10800, "2–3 h")]
    public void Span(double min, double max, string text) => Assert.Equal(text, Words.Span(min, max));

    [Theory]
    [InlineData(3_600_000L, "1 h", "+01:00")]
    [InlineData(-28_800_000L, "8 h", "-08:00")]
    [InlineData(19_800_000L, "5 h 30 min", "+05:30")]
    [InlineData(-2_700_000L, "45 min", "-00:45")]
    public void Offsets(long ms, string offset, string zone)
    {
        Assert.Equal(offset, Words.Offset(ms));
        Assert.Equal(zone, Words.Zone(ms));
    }

    [Fact]
    public void Codes_name_the_one_code_or_count_each()
    {
        Assert.Equal("10054", Words.Codes(["10054", "10054"]));
        Assert.Equal("(10054 ×3, 08S01 ×1, no code ×1)", Words.Codes(["10054", "08S01", "10054", null, "10054"]));
    }

    [Fact]
    public void Lists_read_as_prose()
    {
        Assert.Equal("A", Words.List(["A"]));
        Assert.Equal("A and B", Words.List(["A", "B"]));
        Assert.Equal("A, B and C", Words.List(["A", "B", "C"]));
        Assert.Equal("A, B, C and 2 more", Words.List(["A", "B", "C", "D", "E"]));
    }
}
