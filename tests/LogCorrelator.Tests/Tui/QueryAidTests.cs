using LogCorrelator.Cli.Tui;
using Terminal.Gui.Drawing;

namespace LogCorrelator.Tests.Tui;

/// <summary>The query bar's helpers (examples, completion, history) and the text and colour rules every view draws by.</summary>
public sealed class QueryAidTests
{
    [Fact]
    public void The_examples_are_the_ex_lines_of_the_grammar_in_order()
    {
        var expected = File.ReadLines(Support.RepoPaths.File("grammars/query.ebnf"))
            .Where(l => l.StartsWith("ex:", StringComparison.Ordinal)).Select(l => l[3..].Trim()).ToArray();

        Assert.Equal(expected, ExampleQueries.All);
        Assert.Equal("errors 10054 near restart within 5m", ExampleQueries.All[2]);
    }

    [Theory]
    [InlineData("err", 3, "errors ", 7)]
    [InlineData("errors 080", 10, "errors 08001 ", 13)]
    [InlineData("errors 100", 10, "errors 100", 10)]
    [InlineData("errors 10054 wh", 15, "errors 10054 where ", 19)]
    [InlineData("errors where ho = x", 15, "errors where host = x", 17)]
    [InlineData("@in", 3, "@incident ", 10)]
    [InlineData("errors zz", 9, "errors zz", 9)]
    [InlineData("(restart or kil", 15, "(restart or kill ", 17)]
    public void Tab_completes_the_word_before_the_caret_to_what_all_candidates_share(string text, int caret, string done, int at)
    {
        var completer = new QueryCompleter(["incident", "idle"]);

        Assert.Equal((done, at), completer.Complete(text, caret));
    }

    [Fact]
    public void History_goes_back_and_forward_and_returns_the_draft_past_the_newest()
    {
        var history = new QueryHistory();
        history.Add("errors");
        history.Add("restart");
        history.Add("errors");
        history.Restart("draft");

        Assert.Equal("errors", history.Step(-1, "draft"));
        Assert.Equal("restart", history.Step(-1, "errors"));
        Assert.Equal("restart", history.Step(-1, "restart"));
        Assert.Equal("errors", history.Step(1, "restart"));
        Assert.Equal("draft", history.Step(1, "errors"));
    }

    [Fact]
    public void Text_from_logs_cannot_move_the_cursor_or_restyle_the_screen()
    {
        Assert.Equal("a    b·[31mred·", CellText.Clean("a\tb\u001b[31mred\r"));
        Assert.Equal("abcd…", CellText.Cut("abcdefgh", 5));
        Assert.Equal("ab   ", CellText.Fit("ab", 5));
    }

    [Fact]
    public void Without_colour_the_palette_has_only_the_terminal_colours_and_reverses_the_selection()
    {
        var plain = new Palette(color: false);

        Assert.All(Enum.GetValues<Paint>(), p => Assert.Equal((Color.None, Color.None), (plain[p].Foreground, plain[p].Background)));
        Assert.Equal(TextStyle.Reverse, plain[Paint.Selected].Style);
        Assert.Equal(TextStyle.Bold, plain[Paint.Entry].Style);
        Assert.NotEqual(Color.None, new Palette(color: true)[Paint.Bar].Foreground);
    }

    [Theory]
    [InlineData(0, 4, 3, 0)]
    [InlineData(1, 4, 3, 6)]
    [InlineData(1, 1000, 3, 1)]
    [InlineData(4, 4, 3, 24)]
    public void A_bar_is_at_least_one_eighth_when_its_count_is_not_zero(long count, long max, int rows, int eighths) =>
        Assert.Equal(eighths, TimelineCanvas.Eighths(count, max, rows));

    [Theory]
    [InlineData(7, "7")]
    [InlineData(99_999, "99999")]
    [InlineData(499_950, "499k")]
    [InlineData(12_500_000, "12.5M")]
    public void Counts_fit_the_gutter(long n, string text) => Assert.Equal(text, TimelineCanvas.Count(n));
}
