using LogCorrelator.Cli.Tui;
using LogCorrelator.Store;
using LogCorrelator.Tests.Support;
using static LogCorrelator.Tests.Tui.PaneText;

namespace LogCorrelator.Tests.Tui;

public sealed class DetailPaneTests
{
    private static readonly ResultRow Error = new(3, Utc.Ms("11:32:06.480"), "APPSRV01", "error", "10054", "A transport-level error", []);

    private static ExcerptLine[] Excerpt(int first, int entryFrom, int entryTo, int last) =>
        Enumerable.Range(first, last - first + 1).Select(n => new ExcerptLine(n, $"line {n}", n >= entryFrom && n <= entryTo)).ToArray();

    [Fact]
    public void Shows_the_event_its_raw_lines_numbered_with_context_and_says_a_plain_set_has_no_justification()
    {
        var view = new DetailView(Error, "logs/app.log", 12, Excerpt(9, 12, 13, 16), false);

        var lines = Lines(DetailPane.Build(view, 100, 11, Glyphs.Unicode), 100);

        Assert.Equal(
        [
            "╭─Detail · logs/app.log:12 · Enter/Esc close───────────────────────────────────────────────────────╮",
            Boxed("2024-03-05 11:32:06.480 UTC  APPSRV01  error  10054  A transport-level error", 100),
            Boxed("   9 | line 9", 100),
            Boxed("  10 | line 10", 100),
            Boxed("  11 | line 11", 100),
            Boxed("> 12 | line 12", 100),
            Boxed("> 13 | line 13", 100),
            Boxed("  14 | line 14", 100),
            Boxed("  15 | line 15", 100),
            Boxed("justified by: nothing to show, the query is a plain set (try: errors near restart within 5m)", 100),
            "╰" + new string('─', 98) + "╯",
        ], lines);
    }

    [Fact]
    public void A_long_entry_keeps_its_first_lines_and_counts_the_rest_and_a_join_lists_what_justified_it()
    {
        var restart = new RelatedRow(9, Utc.Ms("11:32:04.310"), "SQLPROD01", "restart", "", "Microsoft SQL Server 2019", -2.17);
        var view = new DetailView(Error with { Related = [restart] }, "logs/app.log", 100, Excerpt(97, 100, 139, 142), true);

        var lines = Lines(DetailPane.Build(view, 100, 12, Glyphs.Unicode), 100);

        // 10 rows inside: the summary, 2 for the justification, 7 for the excerpt. The entry (40 lines)
        // gets half the room plus one: 4 rows, 3 of them lines; the context shares the other 3.
        Assert.Equal(
        [
            Boxed("2024-03-05 11:32:06.480 UTC  APPSRV01  error  10054  A transport-level error", 100),
            Boxed("   98 | line 98", 100),
            Boxed("   99 | line 99", 100),
            Boxed("> 100 | line 100", 100),
            Boxed("> 101 | line 101", 100),
            Boxed("> 102 | line 102", 100),
            Boxed("      … 37 more lines of this entry", 100),
            Boxed("  140 | line 140", 100),
            Boxed("justified by 1 event:", 100),
            Boxed("  -2.170s   2024-03-05 11:32:04.310  SQLPROD01  restart  Microsoft SQL Server 2019", 100),
        ], lines[1..^1]);
    }
}
