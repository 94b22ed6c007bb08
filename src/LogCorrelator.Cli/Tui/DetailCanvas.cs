using System.Globalization;
using LogCorrelator.Store;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The selected event: a summary line, its raw lines as they are in the source file (with context
/// lines, numbered), and for a join the events that justified the match; the title names file:line.
/// </summary>
internal sealed class DetailCanvas(Glyphs glyphs, Palette palette) : PaneView(glyphs, palette)
{
    /// <summary>Justifying events listed at most (the query keeps the nearest five).</summary>
    public const int MaxRelated = 5;

    public void Show(DetailView? view)
    {
        if (view is null)
        {
            Show("Detail · no row selected", []);
            return;
        }
        string title = $"Detail · {view.SourcePath}:{view.Line.ToString(CultureInfo.InvariantCulture)} · Enter/Esc close";
        Show(title, inner => Lines(view, Math.Max(1, inner)));
    }

    public static IReadOnlyList<PaintedLine> Lines(DetailView view, int room)
    {
        var r = view.Row;
        var lines = new List<PaintedLine>
        {
            PaintedLine.Of($"{TimeMath.Full(r.Time)} UTC  {r.Host}  {r.Kind}  {r.Code}  ", Paint.Entry).Add(r.Message),
        };
        var tail = new List<PaintedLine>();
        if (view.IsJoin)
        {
            tail.Add(PaintedLine.Of(r.Related.Count == 1 ? "justified by 1 event:" : $"justified by {r.Related.Count} events:", Paint.Label));
            foreach (var e in r.Related.Take(MaxRelated))
            {
                tail.Add(PaintedLine.Of($"  {ResultsTableSource.Delta(e.DeltaSeconds),-10}{TimeMath.Full(e.Time)}  ", Paint.Matched)
                    .Add($"{e.Host}  {e.Kind}  {(e.Code.Length > 0 ? e.Code + "  " : "")}", Paint.Matched)
                    .Add(e.Message));
            }
        }
        else
        {
            tail.Add(PaintedLine.Of("justified by: nothing to show, the query is a plain set (try: errors near restart within 5m)", Paint.Dim));
        }
        lines.AddRange(Excerpt(view.Lines, Math.Max(1, room - 1 - tail.Count)));
        lines.AddRange(tail);
        return lines;
    }

    /// <summary>
    /// The raw lines in <paramref name="room"/> lines: all the context that fits around the entry;
    /// an entry longer than the room keeps its first lines and says how many more there are.
    /// </summary>
    private static List<PaintedLine> Excerpt(IReadOnlyList<ExcerptLine> all, int room)
    {
        var before = all.TakeWhile(l => !l.InEntry).ToList();
        var entry = all.Where(l => l.InEntry).ToList();
        var after = all.SkipWhile(l => !l.InEntry).SkipWhile(l => l.InEntry).ToList();
        int context = Math.Max(0, Math.Min(before.Count + after.Count, room - Math.Min(entry.Count, room / 2 + 1)));
        int keepBefore = Math.Min(before.Count, (context + 1) / 2);
        int keepAfter = Math.Min(after.Count, context - keepBefore);
        keepBefore = Math.Min(before.Count, context - keepAfter);
        int entryRoom = room - keepBefore - keepAfter;
        int digits = all.Count == 0 ? 1 : all.Max(l => l.Number).ToString(CultureInfo.InvariantCulture).Length;

        var lines = new List<PaintedLine>();
        foreach (var l in before.Skip(before.Count - keepBefore))
            lines.Add(Numbered(l, digits));
        if (entry.Count <= entryRoom)
        {
            lines.AddRange(entry.Select(l => Numbered(l, digits)));
        }
        else
        {
            lines.AddRange(entry.Take(entryRoom - 1).Select(l => Numbered(l, digits)));
            int more = entry.Count - (entryRoom - 1);
            lines.Add(PaintedLine.Of($"{new string(' ', digits + 2)} … {more} more line{(more == 1 ? "" : "s")} of this entry", Paint.Dim));
        }
        lines.AddRange(after.Take(keepAfter).Select(l => Numbered(l, digits)));
        return lines;
    }

    private static PaintedLine Numbered(ExcerptLine line, int digits) =>
        PaintedLine.Of((line.InEntry ? "> " : "  ") + line.Number.ToString(CultureInfo.InvariantCulture).PadLeft(digits) + " | ", line.InEntry ? Paint.Entry : Paint.Dim)
            .Add(line.Text, line.InEntry ? Paint.Entry : Paint.Dim);
}
