using LogCorrelator.Cli.Tui;
using LogCorrelator.Events;
using LogCorrelator.Query;
using LogCorrelator.Store;
using LogCorrelator.Tests.Query;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Tui;

public sealed class ResultsScrollerTests : IClassFixture<IncidentFixture>
{
    private readonly EventStore _store;

    public ResultsScrollerTests(IncidentFixture incident) => _store = incident.Store;

    private ResultsScroller Errors(int height)
    {
        var s = new ResultsScroller();
        s.Reset(new StoreSetSource(_store, new EventScan { Kinds = [EventKind.Error] }, "errors"), height);
        return s;
    }

    private static string[] Times(ResultsScroller s) => s.Rows.Select(r => Utc.Text(DateTimeOffset.FromUnixTimeMilliseconds(r.Time))).ToArray();

    private static string Current(ResultsScroller s) => Utc.Text(DateTimeOffset.FromUnixTimeMilliseconds(s.Current!.Time));

    [Fact]
    public void Rows_scroll_one_at_a_time_past_the_bottom()
    {
        var s = Errors(3);
        Assert.Equal(["10:15:00.250", "11:28:41.337", "11:29:30.118"], Times(s));

        s.Down();
        s.Down();
        s.Down();

        Assert.Equal(["11:28:41.337", "11:29:30.118", "11:32:06.480"], Times(s));
        Assert.Equal("11:32:06.480", Current(s));
        s.Up();
        s.Up();
        s.Up();
        Assert.Equal(["10:15:00.250", "11:28:41.337", "11:29:30.118"], Times(s));
        Assert.Equal("10:15:00.250", Current(s));
    }

    [Fact]
    public void Pages_keep_the_selected_line_and_stop_at_the_last_row()
    {
        var s = Errors(3);
        s.Down();
        s.Down();

        s.PageDown();
        Assert.Equal(["11:32:06.480", "11:32:07.112", "11:47:23.015"], Times(s));
        Assert.Equal("11:47:23.015", Current(s));
        s.PageDown();
        Assert.Equal(["11:47:23.015", "11:47:23.500", "11:47:24.502"], Times(s));
        Assert.Equal("11:47:24.502", Current(s));
        s.PageUp();
        Assert.Equal(["11:29:30.118", "11:32:06.480", "11:32:07.112"], Times(s));
    }

    [Fact]
    public void Home_and_End_show_the_first_and_the_last_screen()
    {
        var s = Errors(3);

        s.End();
        Assert.Equal(["11:47:23.015", "11:47:23.500", "11:47:24.502"], Times(s));
        Assert.Equal("11:47:24.502", Current(s));
        s.Home();
        Assert.Equal("10:15:00.250", Current(s));
    }

    [Theory]
    [InlineData("11:30:00", "11:32:06.480", new[] { "11:32:06.480", "11:32:07.112", "11:47:23.015" })]
    [InlineData("11:32:06.480", "11:32:06.480", new[] { "11:32:06.480", "11:32:07.112", "11:47:23.015" })]
    [InlineData("11:47:24", "11:47:24.502", new[] { "11:47:23.015", "11:47:23.500", "11:47:24.502" })]
    [InlineData("12:00:00", "11:47:24.502", new[] { "11:47:23.015", "11:47:23.500", "11:47:24.502" })]
    public void Jumping_to_a_time_selects_the_first_row_at_or_after_it(string time, string selected, string[] screen)
    {
        var s = Errors(3);

        s.JumpTo(Utc.Ms(time));

        Assert.Equal(selected, Current(s));
        Assert.Equal(screen, Times(s));
    }

    [Fact]
    public void A_join_pages_through_its_matches_in_memory()
    {
        var source = new MatchListSource(QueryEngine.Run(_store, "errors near restart within 5m"), "errors near restart within 5m");
        var s = new ResultsScroller();
        s.Reset(source, 3);

        // Within 5 minutes of the 11:32:04.310 restart: 11:28:41.337 (202.973 s before) to 11:32:07.112.
        Assert.Equal(4, source.Total);
        Assert.Equal((Utc.Ms("11:28:41.337"), Utc.Ms("11:32:07.112")), source.Extent);
        Assert.Equal([1, 1, 0, 0, 2], source.Histogram(Utc.Ms("11:28:00"), 60_000, 5));
        Assert.Equal(["11:28:41.337", "11:29:30.118", "11:32:06.480"], Times(s));
        s.End();
        Assert.Equal(["11:29:30.118", "11:32:06.480", "11:32:07.112"], Times(s));
        // 11:32:04.310 - 11:29:30.118
        Assert.Equal(154.192, s.Rows[0].Related[0].DeltaSeconds, 3);
        s.JumpTo(Utc.Ms("11:30:00"));
        Assert.Equal("11:32:06.480", Current(s));
        Assert.Equal(-2.17, s.Current!.Related[0].DeltaSeconds, 3);
    }
}
