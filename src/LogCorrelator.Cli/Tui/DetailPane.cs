using System.Globalization;
using LogCorrelator.Store;
using Spectre.Console;

namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The selected event: a summary line, its raw lines as they are in the source file (with a few
/// lines of context, numbered), and for a join the events that justified the match.
/// </summary>
internal static class DetailPane
{
    /// <summary>Justifying events listed at most (the query keeps the nearest five).</summary>
    public const int MaxRelated = 5;

    private static readonly Style Context = new(Color.Grey);
    private static readonly Style Entry = new(decoration: Decoration.Bold);
    private static readonly Style Label = new(Color.Aqua, decoration: Decoration.Bold);
    private static readonly Style Matched = new(Color.Fuchsia);

    public static Panel Build(DetailView view, int width, int height, Glyphs glyphs)
    {
        int inner = width - 2;
        int room = Math.Max(1, height - 2);
        var r = view.Row;
        var lines = new List<Paragraph>
        {
            new StyledLine().Add($"{TimeMath.Full(r.Time)} UTC  {r.Host}  {r.Kind}  {r.Code}  ", Entry).Add(r.Message).Fit(inner, glyphs),
        };

        var tail = new List<Paragraph>();
        if (view.IsJoin)
        {
            tail.Add(new StyledLine().Add(r.Related.Count == 1 ? "justified by 1 event:" : $"justified by {r.Related.Count} events:", Label).Fit(inner, glyphs));
            foreach (var e in r.Related.Take(MaxRelated))
            {
                tail.Add(new StyledLine()
                    .Add($"  {ResultsPane.Delta(e.DeltaSeconds),-10}{TimeMath.Full(e.Time)}  ", Matched)
                    .Add($"{e.Host}  {e.Kind}  {(e.Code.Length > 0 ? e.Code + "  " : "")}", Matched)
                    .Add(e.Message).Fit(inner, glyphs));
            }
        }
        else
        {
            tail.Add(new StyledLine().Add("justified by: nothing to show, the query is a plain set (try: errors near restart within 5m)", Context).Fit(inner, glyphs));
        }

        int excerptRoom = Math.Max(1, room - 1 - tail.Count);
        foreach (var line in Excerpt(view.Lines, excerptRoom))
            lines.Add(line.Fit(inner, glyphs));
        lines.AddRange(tail);

        string title = $"Detail · {view.SourcePath}:{view.Line.ToString(CultureInfo.InvariantCulture)} · Enter/Esc close";
        return PaneFrame.Build(title, lines, width, height, glyphs);
    }

    /// <summary>
    /// The raw lines in <paramref name="room"/> lines: all the context that fits around the entry;
    /// an entry longer than the room keeps its first lines and says how many more there are.
    /// </summary>
    private static List<StyledLine> Excerpt(IReadOnlyList<ExcerptLine> all, int room)
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

        var lines = new List<StyledLine>();
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
            lines.Add(new StyledLine().Add($"{new string(' ', digits + 2)} … {more} more line{(more == 1 ? "" : "s")} of this entry", Context));
        }
        lines.AddRange(after.Take(keepAfter).Select(l => Numbered(l, digits)));
        return lines;
    }

    private static StyledLine Numbered(ExcerptLine line, int digits) =>
        new StyledLine()
            .Add((line.InEntry ? "> " : "  ") + line.Number.ToString(CultureInfo.InvariantCulture).PadLeft(digits) + " | ", line.InEntry ? Entry : Context)
            .Add(line.Text, line.InEntry ? Entry : Context);
}
