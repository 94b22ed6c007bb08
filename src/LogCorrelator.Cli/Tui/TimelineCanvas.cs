using System.Globalization;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The histogram as a Terminal.Gui view: one column per bucket, bars in eighths of a cell, server
/// events marked under the bars by letter, the cursor under its column, time labels on the axis.
/// The mouse zooms (wheel), pans (drag) and picks a bucket (click); the screen decides what each does.
/// </summary>
internal sealed class TimelineCanvas : PaneView
{
    public const string Legend = "R restart  S shutdown  K kill  F failover";

    private TimelineView? _view;
    private int? _dragFrom;

    public TimelineCanvas(Glyphs glyphs, Palette palette)
        : base(glyphs, palette)
    {
    }

    /// <summary>The wheel: true zooms in (finer buckets) at the bucket column under the pointer.</summary>
    public event Action<bool, int>? Zoomed;

    /// <summary>A drag: the buckets the window moves (positive: later).</summary>
    public event Action<int>? Panned;

    /// <summary>A click on a bucket column.</summary>
    public event Action<int>? Clicked;

    public void Show(TimelineView view)
    {
        _view = view;
        string cursorText = $"cursor {TimeMath.Bucket(view.CursorStart, view.BucketMs)} +{BucketLadder.Text(view.BucketMs)}: {view.CursorCount.ToString(CultureInfo.InvariantCulture)}";
        string title = $"Timeline · {view.Label} per {BucketLadder.Text(view.BucketMs)} · {cursorText} · {Legend} · ←/→ move  +/- zoom  click filters";
        Show(title, inner => Lines(view, Math.Max(1, inner), Glyphs));
    }

    public static IReadOnlyList<PaintedLine> Lines(TimelineView view, int height, Glyphs glyphs)
    {
        int columns = view.Counts.Count;
        int barRows = Math.Max(1, height - 3);
        long max = view.Counts.Count == 0 ? 0 : view.Counts.Max();
        var lines = new List<PaintedLine>();
        for (int row = 0; row < barRows; row++)
        {
            // Eighths of a cell this row's bottom edge sits above the axis.
            int floor = (barRows - 1 - row) * 8;
            var line = PaintedLine.Of(Gutter(row == 0 ? Count(max) : row == barRows - 1 ? "0" : ""), Paint.Dim);
            for (int c = 0; c < columns; c++)
            {
                int level = Math.Clamp(Eighths(view.Counts[c], max, barRows) - floor, 0, 8);
                line.Add(glyphs.Bars[level].ToString(), c == view.Cursor ? Paint.CursorBar : Paint.Bar);
            }
            lines.Add(line);
        }

        var marks = new char[columns];
        Array.Fill(marks, ' ');
        foreach (var m in view.Markers)
        {
            if (m.Column >= 0 && m.Column < columns)
                marks[m.Column] = marks[m.Column] == ' ' || marks[m.Column] == m.Letter ? m.Letter : '*';
        }
        lines.Add(PaintedLine.Of(Gutter("server"), Paint.Dim).Add(new string(marks), Paint.Marker));
        var cursor = PaintedLine.Of(Gutter(""));
        if (view.Cursor >= 0 && view.Cursor < columns)
            cursor.Add(new string(' ', view.Cursor)).Add(glyphs.Cursor, Paint.CursorBar);
        lines.Add(cursor);
        lines.Add(PaintedLine.Of(Gutter("UTC"), Paint.Dim).Add(Axis(view, columns), Paint.Dim));
        return lines;
    }

    protected override bool OnMouseEvent(Mouse mouse)
    {
        if (_view is null)
            return false;
        int column = mouse.Position is { } p ? p.X - 1 - ScreenLayout.Gutter : -1;
        var flags = mouse.Flags;
        if (flags.HasFlag(MouseFlags.WheeledUp) || flags.HasFlag(MouseFlags.WheeledDown))
        {
            Zoomed?.Invoke(flags.HasFlag(MouseFlags.WheeledUp), Math.Clamp(column, 0, _view.Counts.Count - 1));
            return true;
        }
        if (flags.HasFlag(MouseFlags.LeftButtonPressed) && flags.HasFlag(MouseFlags.PositionReport) && _dragFrom is { } from)
        {
            // Dragging right pulls earlier buckets into view, as a map does.
            if (column != from)
                Panned?.Invoke(from - column);
            _dragFrom = column;
            return true;
        }
        if (flags.HasFlag(MouseFlags.LeftButtonPressed))
        {
            _dragFrom = column;
            return true;
        }
        if (flags.HasFlag(MouseFlags.LeftButtonReleased))
        {
            _dragFrom = null;
            return true;
        }
        if (flags.HasFlag(MouseFlags.LeftButtonClicked) && column >= 0 && column < _view.Counts.Count)
        {
            Clicked?.Invoke(column);
            return true;
        }
        return false;
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
