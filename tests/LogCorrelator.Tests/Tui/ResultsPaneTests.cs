using LogCorrelator.Cli.Tui;
using LogCorrelator.Tests.Support;
using static LogCorrelator.Tests.Tui.PaneText;

namespace LogCorrelator.Tests.Tui;

public sealed class ResultsPaneTests
{
    private static readonly RelatedRow Restart =
        new(9, Utc.Ms("11:32:04.310"), "SQLPROD01", "restart", "", "Microsoft SQL Server 2019", -2.17);

    private static ResultRow Row(long id, string time, string code, string message, params RelatedRow[] related) =>
        new(id, Utc.Ms(time), "APPSRV01", "error", code, message, related);

    [Fact]
    public void A_plain_set_shows_time_host_kind_code_and_message_with_the_selected_row_marked()
    {
        var view = new ResultsView("errors", [Row(1, "11:29:30.118", "10054", "A transport-level error"), Row(2, "11:32:07.112", "08S01", "Communication link failure")], 1, 2, false);

        var lines = Lines(ResultsPane.Build(view, 90, 6, Glyphs.Unicode), 90);

        // Columns: marker 2, time 23, host 8 (its longest), kind 5 (at least 4), code 6, two spaces after each.
        Assert.Equal(
        [
            "╭─Results · errors · 2 rows · showing 2024-03-05 11:29:30.118 – 2024-03-05 11:32:07.11…──╮",
            Boxed("  TIME (UTC)               HOST      KIND   CODE    MESSAGE", 90),
            Boxed("  2024-03-05 11:29:30.118  APPSRV01  error  10054   A transport-level error", 90),
            Boxed("› 2024-03-05 11:32:07.112  APPSRV01  error  08S01   Communication link failure", 90),
            Boxed("", 90),
            "╰" + new string('─', 88) + "╯",
        ], lines);
    }

    [Fact]
    public void A_join_adds_the_nearest_justifying_event_and_its_delta()
    {
        var view = new ResultsView("errors near restart within 5m", [Row(3, "11:32:06.480", "10054", "A transport-level error", Restart)], 0, 1, true);

        var lines = Lines(ResultsPane.Build(view, 120, 4, Glyphs.Unicode), 120);

        Assert.Equal(Boxed("  TIME (UTC)               HOST      KIND   CODE    MATCHED            DELTA       MESSAGE", 120), lines[1]);
        Assert.Equal(Boxed("› 2024-03-05 11:32:06.480  APPSRV01  error  10054   restart SQLPROD01  -2.170s     A transport-level error", 120), lines[2]);
    }

    [Fact]
    public void No_rows_says_so()
    {
        var lines = Lines(ResultsPane.Build(new ResultsView("kill", [], -1, 0, false), 60, 5, Glyphs.Unicode), 60);

        Assert.StartsWith("╭─Results · kill · 0 rows · ↑/↓", lines[0]);
        Assert.Equal(Boxed("  no rows: the query matched nothing", 60), lines[2]);
    }

    [Fact]
    public void A_long_message_is_cut_with_an_ellipsis_at_the_border()
    {
        var view = new ResultsView("errors", [Row(1, "11:29:30.118", "10054", new string('x', 200))], 0, 1, false);

        var lines = Lines(ResultsPane.Build(view, 80, 4, Glyphs.Unicode), 80);

        // 78 inside: 2 + 25 + 10 + 7 + 8 = 52 before the message, 25 x and the ellipsis.
        Assert.Equal(Boxed("› 2024-03-05 11:29:30.118  APPSRV01  error  10054   " + new string('x', 25) + "…", 80), lines[2]);
    }
}
