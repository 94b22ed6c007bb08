using LogCorrelator.Cli.Tui;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Tui;

public sealed class TimelinePaneTests
{
    private static TimelineView View(int columns, int cursor, params (int Column, long Count)[] counts)
    {
        var c = new long[columns];
        foreach (var (column, count) in counts)
            c[column] = count;
        return new TimelineView("errors", 60_000, Utc.Ms("11:30:00"), c, [new(2, 'R'), new(2, 'K'), new(5, 'S')], cursor);
    }

    [Fact]
    public void Bars_are_drawn_in_eighths_with_markers_cursor_and_axis_under_them()
    {
        // 30 wide: 28 inside the border, 7 of gutter, 21 buckets. 3 bar rows of 8 eighths for a max of 4:
        // 1 → 6 eighths, 2 → 12, 4 → 24. Two kinds in column 2 show as '*'. Labels every 10 minutes.
        var lines = PaneText.Lines(TimelinePane.Build(View(21, 3, (1, 1), (2, 2), (3, 4)), 30, 8, Glyphs.Unicode), 30);

        Assert.Equal(
        [
            "╭─Timeline · errors per 1m…──╮",
            "│     4    █                 │",
            "│         ▄█                 │",
            "│     0  ▆██                 │",
            "│server   *  S               │",
            "│          ▲                 │",
            "│   UTC 11:30     11:40      │",
            "╰────────────────────────────╯",
        ], lines);
    }

    [Fact]
    public void Title_names_the_bucket_size_and_the_cursor_bucket_with_its_count()
    {
        var lines = PaneText.Lines(TimelinePane.Build(View(71, 3, (3, 4)), 80, 8, Glyphs.Unicode), 80);

        Assert.StartsWith("╭─Timeline · errors per 1m · cursor 2024-03-05 11:33 +1m: 4 · R restart", lines[0]);
        Assert.Equal(80, lines[0].Length);
    }

    [Fact]
    public void Without_unicode_bars_use_ascii()
    {
        var lines = PaneText.Lines(TimelinePane.Build(View(21, 3, (1, 1), (2, 2), (3, 4)), 30, 8, Glyphs.Ascii), 30);

        // Eighths 6 → '|', 4 → ':', 8 → '#'; the cursor is '^'.
        Assert.Equal("│     4    #                 │", lines[1]);
        Assert.Equal("│         :#                 │", lines[2]);
        Assert.Equal("│     0  |##                 │", lines[3]);
        Assert.Equal("│          ^                 │", lines[5]);
    }

    [Theory]
    [InlineData(0, 4, 3, 0)]
    [InlineData(1, 4, 3, 6)]
    [InlineData(1, 1000, 3, 1)]
    [InlineData(4, 4, 3, 24)]
    public void A_bar_is_at_least_one_eighth_when_its_count_is_not_zero(long count, long max, int rows, int eighths) =>
        Assert.Equal(eighths, TimelinePane.Eighths(count, max, rows));

    [Theory]
    [InlineData(7, "7")]
    [InlineData(99_999, "99999")]
    [InlineData(499_950, "499k")]
    [InlineData(12_500_000, "12.5M")]
    public void Counts_fit_the_gutter(long n, string text) => Assert.Equal(text, TimelinePane.Count(n));
}
