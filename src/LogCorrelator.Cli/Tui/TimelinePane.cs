using System.Globalization;
using Spectre.Console;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The histogram: one column per bucket, bars in eighths of a cell, the server events marked under
/// the bars by letter, the cursor under its column, and time labels on the axis.
/// </summary>
internal static class TimelinePane
{
    public const string Legend = "R restart  S shutdown  K kill  F failover";

    private static readonly Style Bar = new(Color.Red);
    private static readonly Style CursorBar = new(Color.Yellow, decoration: Decoration.Bold);
    private static readonly Style Mark = new(Color.Fuchsia, decoration: Decoration.Bold);
    private static readonly Style Dim = new(Color.Grey);

    public static Panel Build(TimelineView view, int width, int height, Glyphs glyphs)
    {
        int inner = width - 2;
        int columns = Math.Min(view.Counts.Count, inner - ScreenLayout.Gutter);
        int barRows = Math.Max(1, height - 2 - 3);
        long max = view.Counts.Count == 0 ? 0 : view.Counts.Max();
        var lines = new List<Paragraph>();

        for (int row = 0; row < barRows; row++)
        {
            // Eighths of a cell this row's bottom edge sits above the axis.
            int floor = (barRows - 1 - row) * 8;
            var line = new StyledLine().Add(Gutter(row == 0 ? Count(max) : row == barRows - 1 ? "0" : ""), Dim);
            for (int c = 0; c < columns; c++)
            {
                int level = Math.Clamp(Eighths(view.Counts[c], max, barRows) - floor, 0, 8);
                line.Add(glyphs.Bars[level].ToString(), c == view.Cursor ? CursorBar : Bar);
            }
            lines.Add(line.Fit(inner, glyphs));
        }

        var marks = new char[columns];
        Array.Fill(marks, ' ');
        foreach (var m in view.Markers)
        {
            if (m.Column >= 0 && m.Column < columns)
                marks[m.Column] = marks[m.Column] == ' ' || marks[m.Column] == m.Letter ? m.Letter : '*';
        }
        lines.Add(new StyledLine().Add(Gutter("server"), Dim).Add(new string(marks), Mark).Fit(inner, glyphs));

        var cursor = new StyledLine().Add(Gutter(""));
        if (view.Cursor >= 0 && view.Cursor < columns)
            cursor.Add(new string(' ', view.Cursor)).Add(glyphs.Cursor, CursorBar);
        lines.Add(cursor.Fit(inner, glyphs));
        lines.Add(new StyledLine().Add(Gutter("UTC"), Dim).Add(Axis(view, columns), Dim).Fit(inner, glyphs));

        string cursorText = $"cursor {TimeMath.Bucket(view.CursorStart, view.BucketMs)} +{BucketLadder.Text(view.BucketMs)}: {view.CursorCount.ToString(CultureInfo.InvariantCulture)}";
        string title = $"Timeline · {view.Label} per {BucketLadder.Text(view.BucketMs)} · {cursorText} · {Legend} · ←/→ move  +/- zoom";
        return PaneFrame.Build(title, lines, width, height, glyphs);
    }

    /// <summary>A bar's height in eighths of a cell; any non-zero count shows at least one eighth.</summary>
    public static int Eighths(long count, long max, int rows) =>
        count <= 0 || max <= 0 ? 0 : (int)Math.Max(1, (count * rows * 8 + max - 1) / max);

    private static string Gutter(string text)
    {
        int w = ScreenLayout.Gutter - 1;
        return (text.Length > w ? text[..w] : text.PadLeft(w)) + " ";
    }

    /// <summary>Counts as a gutter label: 7 → "7", 12345 → "12345", 2500000 → "2.5M".</summary>
    public static string Count(long n) => n switch
    {
        < 100_000 => n.ToString(CultureInfo.InvariantCulture),
        < 10_000_000 => (n / 1000).ToString(CultureInfo.InvariantCulture) + "k",
        _ => (n / 1_000_000.0).ToString("0.#", CultureInfo.InvariantCulture) + "M",
    };

    /// <summary>Labels at the columns where a bucket starts a round step of the axis, left to right, never overlapping.</summary>
    private static string Axis(TimelineView view, int columns)
    {
        var axis = new char[columns];
        Array.Fill(axis, ' ');
        int label = TimeMath.Axis(view.WindowStart, view.BucketMs).Length;
        int every = LabelEvery(view.BucketMs, label + 2);
        for (int c = 0; c < columns; c++)
        {
            long start = view.WindowStart + c * view.BucketMs;
            if (TimeMath.Floor(start, every * view.BucketMs) != start)
                continue;
            string text = TimeMath.Axis(start, view.BucketMs);
            if (c + text.Length > columns || (c > 0 && axis[c - 1] != ' '))
                continue;
            text.CopyTo(0, axis, c, text.Length);
            c += text.Length;
        }
        return new string(axis);
    }

    /// <summary>The fewest buckets between labels that leaves room for one, rounded to a step people count in.</summary>
    private static int LabelEvery(long bucket, int room)
    {
        foreach (long step in BucketLadder.Sizes)
        {
            if (step % bucket == 0 && step / bucket >= room)
                return (int)(step / bucket);
        }
        return room;
    }
}
