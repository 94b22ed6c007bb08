using LogCorrelator.Cli.Tui;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Tui;

public sealed class TimelineStateTests
{
    private static TimelineState Fitted(int columns)
    {
        var t = new TimelineState();
        t.Fit(Utc.Ms("10:15:00.250"), Utc.Ms("11:47:24.502"), columns);
        return t;
    }

    [Theory]
    [InlineData(151, "1m", "10:15:00")]   // 92 one-minute buckets fit; 30 s would need 185
    [InlineData(60, "2m", "10:14:00")]    // 10:14 to 11:46 is 46 two-minute buckets
    [InlineData(2, "1h", "10:00:00")]     // 10:00 and 11:00
    public void Fit_picks_the_smallest_round_bucket_that_shows_the_whole_extent(int columns, string bucket, string start)
    {
        var t = Fitted(columns);

        Assert.Equal(bucket, BucketLadder.Text(t.Bucket));
        Assert.Equal(start, Utc.Text(DateTimeOffset.FromUnixTimeMilliseconds(t.WindowStart))[..8]);
        Assert.Equal(t.WindowStart, t.Cursor);
    }

    [Fact]
    public void The_cursor_moves_by_buckets_within_the_extent_and_drags_the_window()
    {
        var t = Fitted(60);
        t.Resize(10);

        Assert.False(t.Move(-1));
        Assert.True(t.Move(1));
        Assert.Equal(Utc.Ms("10:16:00"), t.Cursor);
        Assert.True(t.Move(1000));
        // The last bucket holds 11:47:24.502; the window ends with it: 10 columns of 2 minutes.
        Assert.Equal(Utc.Ms("11:46:00"), t.Cursor);
        Assert.Equal(Utc.Ms("11:28:00"), t.WindowStart);
        Assert.Equal(9, t.CursorColumn);
    }

    [Fact]
    public void Zooming_keeps_the_anchor_in_its_screen_column()
    {
        var t = Fitted(151);

        Assert.True(t.Zoom(finer: true, Utc.Ms("11:32:06.480")));

        // 11:32 was column 77 at 1m; at 30s its bucket 11:32:00 stays in column 77: 38.5 minutes after the start.
        Assert.Equal("30s", BucketLadder.Text(t.Bucket));
        Assert.Equal(Utc.Ms("11:32:00"), t.Cursor);
        Assert.Equal(Utc.Ms("10:53:30"), t.WindowStart);
        Assert.Equal(77, t.CursorColumn);
    }

    [Fact]
    public void Zoom_stops_at_both_ends_of_the_ladder()
    {
        var t = Fitted(151);
        while (t.Zoom(finer: true, Utc.Ms("11:32:06.480")))
        {
        }
        Assert.Equal("1s", BucketLadder.Text(t.Bucket));
        while (t.Zoom(finer: false, Utc.Ms("11:32:06.480")))
        {
        }
        Assert.Equal("7d", BucketLadder.Text(t.Bucket));
    }

    [Fact]
    public void Follow_puts_the_cursor_on_a_row_and_scrolls_the_window_to_it()
    {
        var t = Fitted(60);
        t.Resize(10);

        t.Follow(Utc.Ms("11:32:06.480"));

        Assert.Equal(Utc.Ms("11:32:00"), t.Cursor);
        Assert.Equal(Utc.Ms("11:14:00"), t.WindowStart);
    }
}
