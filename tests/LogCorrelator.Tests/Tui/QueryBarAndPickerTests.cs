using LogCorrelator.Cli.Tui;
using LogCorrelator.Query;
using Spectre.Console;
using static LogCorrelator.Tests.Tui.PaneText;

namespace LogCorrelator.Tests.Tui;

public sealed class QueryBarAndPickerTests
{
    [Fact]
    public void The_query_bar_shows_the_prompt_the_text_and_the_error_with_its_caret_under_the_word()
    {
        Assert.False(QueryEngine.TryCheck("errors 10054 nera restart within 5m", out var error));
        var view = new QueryBarView("errors 10054 nera restart within 5m", 13, error.Format());

        var lines = QueryBarPane.Build(view, 110, Glyphs.Unicode).Select(p => Lines(p, 110)[0].TrimEnd()).ToArray();

        Assert.Equal(5, QueryBarPane.Height(view));
        Assert.Equal(
        [
            "/ errors 10054 nera restart within 5m   Enter run · Esc cancel",
            // The full message is 147 cells; the pane cuts it at 110 with an ellipsis.
            "error: unexpected 'nera' at column 14, expected where, between, since, last, not, near, after, before, a quot…",
            "  errors 10054 nera restart within 5m",
            "               ^^^^",
            "  did you mean 'near'?",
        ], lines);
    }

    [Fact]
    public void The_caret_is_drawn_in_reverse_video_on_the_character_it_stands_on()
    {
        var text = new StringWriter();
        var console = FrameText.Console(text, 40, 5, ansi: true, color: false, unicode: true);
        console.Write(QueryBarPane.Build(new QueryBarView("errors", 2, null), 40, Glyphs.Unicode)[0]);

        // SGR 7 is reverse video: on 'r', the third character.
        Assert.Contains("er\u001b[7mr\u001b[0mors", text.ToString());
    }

    [Fact]
    public void The_saved_list_shows_its_note_and_marks_the_selected_query()
    {
        var view = new PickerView("Saved queries", ExampleQueries.Note, ["errors", "errors 10054", "restart"], 1);

        var lines = Lines(PickerPane.Build(view, 140, 7, Glyphs.Unicode), 140);

        Assert.StartsWith("╭─Saved queries─", lines[0]);
        Assert.Equal(Boxed("saved queries and rules have not landed yet: these are the examples from grammars/query.ebnf · Enter runs · Esc closes", 140), lines[1]);
        Assert.Equal(Boxed("  errors", 140), lines[2]);
        Assert.Equal(Boxed("› errors 10054", 140), lines[3]);
        Assert.Equal(Boxed("  restart", 140), lines[4]);
    }

    [Fact]
    public void The_examples_are_the_ex_lines_of_the_grammar_in_order()
    {
        var expected = File.ReadLines(Support.RepoPaths.File("grammars/query.ebnf"))
            .Where(l => l.StartsWith("ex:", StringComparison.Ordinal)).Select(l => l[3..].Trim()).ToArray();

        Assert.Equal(expected, ExampleQueries.All);
        Assert.Equal("errors 10054 near restart within 5m", ExampleQueries.All[2]);
    }

    [Fact]
    public void Text_from_logs_cannot_move_the_cursor_or_restyle_the_screen()
    {
        Assert.Equal("a    b·[31mred·", CellText.Clean("a\tb\u001b[31mred\r"));
        Assert.Equal("abcd…", CellText.Cut("abcdefgh", 5));
        Assert.Equal("ab   ", CellText.Fit("ab", 5));
    }

    [Fact]
    public void No_colour_leaves_decorations_but_no_colour_codes()
    {
        var text = new StringWriter();
        FrameText.Console(text, 40, 5, ansi: true, color: false, unicode: true).Write(new Spectre.Console.Text("x", new Style(Color.Red, decoration: Decoration.Bold)));

        Assert.Equal("\u001b[1mx\u001b[0m", text.ToString().TrimEnd());
    }
}
