using System.Globalization;
using Spectre.Console;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The query's rows: time, host, kind, code, message, and for a join the nearest justifying event
/// and its delta. The selected row is marked and shown in reverse video (visible without colour).
/// </summary>
internal static class ResultsPane
{
    private const int TimeWidth = 23, CodeWidth = 6, DeltaWidth = 10, Gap = 2;

    private static readonly Style Header = new(decoration: Decoration.Bold);
    private static readonly Style Selected = new(decoration: Decoration.Invert);
    private static readonly Style Matched = new(Color.Fuchsia);

    public static Panel Build(ResultsView view, int width, int height, Glyphs glyphs)
    {
        int inner = width - 2;
        int host = Math.Clamp(view.Rows.Select(r => r.Host.Length).DefaultIfEmpty(0).Max(), 4, 16);
        int kind = Math.Clamp(view.Rows.Select(r => r.Kind.Length).DefaultIfEmpty(0).Max(), 4, 12);
        int matched = view.IsJoin ? Math.Clamp(view.Rows.Select(r => Nearest(r).Length).DefaultIfEmpty(0).Max(), 7, 28) : 0;
        var lines = new List<Paragraph>();

        string head = "  " + Col("TIME (UTC)", TimeWidth) + Col("HOST", host) + Col("KIND", kind) + Col("CODE", CodeWidth)
            + (view.IsJoin ? Col("MATCHED", matched) + Col("DELTA", DeltaWidth) : "") + "MESSAGE";
        lines.Add(new StyledLine().Add(head, Header).Fit(inner, glyphs, Header));

        if (view.Rows.Count == 0)
            lines.Add(new StyledLine().Add("  no rows: the query matched nothing").Fit(inner, glyphs));
        for (int i = 0; i < view.Rows.Count; i++)
        {
            var r = view.Rows[i];
            bool selected = i == view.Selected;
            var style = selected ? Selected : Style.Plain;
            var line = new StyledLine()
                .Add(selected ? glyphs.Selected + " " : "  ", style)
                .Add(Col(TimeMath.Full(r.Time), TimeWidth), style)
                .Add(Col(r.Host, host), style)
                .Add(Col(r.Kind, kind), style)
                .Add(Col(r.Code, CodeWidth), style);
            if (view.IsJoin)
            {
                line.Add(Col(Nearest(r), matched), selected ? style : Matched);
                line.Add(Col(r.Related.Count > 0 ? Delta(r.Related[0].DeltaSeconds) : "", DeltaWidth), style);
            }
            lines.Add(line.Add(r.Message, style).Fit(inner, glyphs, style));
        }

        string total = view.Total == 1 ? "1 row" : $"{view.Total.ToString("N0", CultureInfo.InvariantCulture)} rows";
        string span = view.Rows.Count > 0 ? $" · showing {TimeMath.Full(view.Rows[0].Time)} – {TimeMath.Full(view.Rows[^1].Time)}" : "";
        string title = $"Results · {view.Query} · {total}{span} · ↑/↓ PgUp/PgDn Home/End  Enter detail";
        return PaneFrame.Build(title, lines, width, height, glyphs);
    }

    /// <summary>The nearest justifying event of a join row, as "kind host".</summary>
    public static string Nearest(ResultRow row) => row.Related.Count > 0 ? $"{row.Related[0].Kind} {row.Related[0].Host}" : "";

    public static string Delta(double seconds) => Output.Formats.Delta(seconds);

    private static string Col(string text, int width) => CellText.Fit(text, width) + new string(' ', Gap);
}
