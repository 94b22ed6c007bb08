using LogCorrelator.Cli.Tui;
using LogCorrelator.Query;
using LogCorrelator.Tests.Query;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Tui;

public sealed class TuiSessionTests : IClassFixture<IncidentFixture>
{
    private readonly IncidentFixture _incident;

    public TuiSessionTests(IncidentFixture incident) => _incident = incident;

    private TuiSession Opened(string query = "errors")
    {
        var s = new TuiSession(_incident.Store, "incident.lcdb", null, 160, 48);
        Assert.True(s.Open(query));
        return s;
    }

    private static void Press(TuiSession s, params ConsoleKeyInfo[] keys)
    {
        foreach (var k in keys)
            Assert.True(s.Handle(k));
    }

    private static string Selected(ScreenView v) => Utc.Text(DateTimeOffset.FromUnixTimeMilliseconds(v.Results.Rows[v.Results.Selected].Time));

    [Fact]
    public void Opens_on_all_errors_with_the_whole_extent_in_one_minute_buckets()
    {
        var v = Opened().View();

        Assert.Equal("logcorr tui · incident.lcdb · 14 events · query: errors", v.Title);
        Assert.Equal(8, v.Results.Total);
        Assert.Equal("10:15:00.250", Selected(v));
        Assert.Equal(60_000, v.Timeline.BucketMs);
        Assert.Equal(Utc.Ms("10:15:00"), v.Timeline.WindowStart);
        // 11:32:06.480 and 11:32:07.112 share bucket 77; the shutdown (76), restart (77) and kill (92) are marked.
        Assert.Equal(2, v.Timeline.Counts[77]);
        Assert.Equal([new TimelineMarker(76, 'S'), new TimelineMarker(77, 'R'), new TimelineMarker(92, 'K')], v.Timeline.Markers);
    }

    [Fact]
    public void Moving_the_timeline_cursor_scrolls_the_results_to_its_bucket_and_moving_a_row_moves_the_cursor()
    {
        var s = Opened();

        Press(s, Keys.Of(ConsoleKey.RightArrow));
        Assert.Equal(1, s.View().Timeline.Cursor);
        Assert.Equal("11:28:41.337", Selected(s.View()));

        Press(s, Keys.Of(ConsoleKey.End));
        Assert.Equal(92, s.View().Timeline.Cursor);
        Press(s, Keys.Of(ConsoleKey.LeftArrow));
        Assert.Equal(91, s.View().Timeline.Cursor);
        // 11:46 has no error: the first row after it is selected.
        Assert.Equal("11:47:23.015", Selected(s.View()));
    }

    [Fact]
    public void The_query_bar_shows_a_syntax_error_as_logcorr_query_prints_it_then_runs_the_fixed_query()
    {
        var s = Opened();

        Press(s, Keys.Char('/'));
        Assert.Equal(TuiMode.Query, s.Mode);
        Assert.Equal("errors", s.View().QueryBar!.Text);
        Press(s, [.. Keys.Text(" nera restart within 5m"), Keys.Of(ConsoleKey.Enter)]);

        Assert.False(QueryEngine.TryCheck("errors nera restart within 5m", out var expected));
        Assert.Equal(expected.Format(), s.View().QueryBar!.Error);
        Assert.Equal(TuiMode.Query, s.Mode);

        Press(s, [Keys.Ctrl(ConsoleKey.U), .. Keys.Text("errors near restart within 5m"), Keys.Of(ConsoleKey.Enter)]);
        var v = s.View();
        Assert.Equal(TuiMode.Browse, s.Mode);
        Assert.Null(v.QueryBar);
        Assert.True(v.Results.IsJoin);
        Assert.Equal(4, v.Results.Total);
        Assert.Equal("errors near restart within 5m", v.Results.Query);
    }

    [Fact]
    public void Enter_opens_the_detail_of_the_selected_row_from_its_source_file_and_Esc_closes_it()
    {
        var s = Opened("errors near restart within 5m");

        Press(s, Keys.Of(ConsoleKey.Enter));
        var d = s.View().Detail!;

        // 11:28:41.337 is the second line of APPSRV01/orders-api.log; the restart 202.973 s after justified it.
        Assert.EndsWith("APPSRV01/orders-api.log", d.SourcePath);
        Assert.Equal(2, d.Line);
        Assert.Equal([(1, false), (2, true), (3, false), (4, false), (5, false)], d.Lines.Select(l => (l.Number, l.InEntry)));
        Assert.Equal("11:28:41.337 Execution Timeout Expired.", d.Lines[1].Text);
        Assert.Equal(202.973, Assert.Single(d.Row.Related).DeltaSeconds, 3);
        Assert.True(s.Handle(Keys.Of(ConsoleKey.Escape)));
        Assert.Null(s.View().Detail);
    }

    [Fact]
    public void Q_Esc_and_Ctrl_C_quit()
    {
        Assert.False(Opened().Handle(Keys.Char('q')));
        Assert.False(Opened().Handle(Keys.Of(ConsoleKey.Escape)));
        Assert.False(Opened().Handle(Keys.Ctrl(ConsoleKey.C)));
    }
}
