using Spectre.Console;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The query being typed after a <c>/</c> prompt, the caret in reverse video, and under it the last
/// run's error exactly as <c>logcorr query</c> prints it (headline, the query, a caret under the word).
/// </summary>
internal static class QueryBarPane
{
    private static readonly Style Prompt = new(Color.Aqua, decoration: Decoration.Bold);
    private static readonly Style Caret = new(decoration: Decoration.Invert);
    private static readonly Style Error = new(Color.Red);
    private static readonly Style Hint = new(Color.Grey);

    /// <summary>Lines the bar needs: the input line, then the error's lines.</summary>
    public static int Height(QueryBarView view) => 1 + (view.Error is null ? 0 : view.Error.Split('\n').Length);

    public static IReadOnlyList<Paragraph> Build(QueryBarView view, int width, Glyphs glyphs)
    {
        int caret = Math.Clamp(view.Caret, 0, view.Text.Length);
        string at = caret < view.Text.Length ? view.Text[caret].ToString() : " ";
        var input = new StyledLine()
            .Add("/ ", Prompt)
            .Add(view.Text[..caret])
            .Add(at, Caret)
            .Add(caret < view.Text.Length ? view.Text[(caret + 1)..] : "")
            .Add("   Enter run · Esc cancel", Hint);
        var lines = new List<Paragraph> { input.Fit(width, glyphs) };
        if (view.Error is not null)
        {
            foreach (var line in view.Error.Split('\n'))
                lines.Add(new StyledLine().Add(line, Error).Fit(width, glyphs));
        }
        return lines;
    }
}
