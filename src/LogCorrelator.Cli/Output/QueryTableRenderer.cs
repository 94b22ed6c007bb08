using LogCorrelator.Events;
using LogCorrelator.Query;

namespace LogCorrelator.Cli.Output;

/// <summary>
/// The readable table: one row per match, and under it the events that justified it with their delta;
/// after <c>| count</c> or <c>| fields</c>, the result's own table.
/// </summary>
internal static class QueryTableRenderer
{
    public const int MessageWidth = 110;

    public static void Write(TextWriter w, QueryResult result)
    {
        if (result.Columns is { } columns)
        {
            WriteTable(w, result, columns);
            return;
        }
        var rows = new List<string[]>();
        foreach (var m in result.Matches)
        {
            rows.Add(Row(m.Event, ""));
            foreach (var r in m.Related)
                rows.Add(Row(r.Event, Formats.Delta(r.DeltaSeconds)));
        }
        if (rows.Count > 0)
            Write(w, rows, result.Matches.Any(m => m.Related.Count > 0));
        int n = result.Matches.Count;
        w.WriteLine(n == 1 ? "1 match" : $"{n} matches");
    }

    /// <summary>A count or fields table: its columns as headers, one line per row.</summary>
    private static void WriteTable(TextWriter w, QueryResult result, IReadOnlyList<string> columns)
    {
        var rows = result.Rows!.Select(r => r.Select(Cells.Table).ToArray()).ToList();
        TextTable.Write(w, columns.Select(c => c.ToUpperInvariant()).ToList(), rows);
        int n = rows.Count;
        if (result.IsAggregate)
            w.WriteLine(n == 1 ? "1 row" : $"{n} rows");
        else
            w.WriteLine(n == 1 ? "1 match" : $"{n} matches");
    }

    private static string[] Row(StoredEvent e, string delta) =>
    [
        delta.Length > 0 ? "  └ " + Formats.TableTime(e.Time) : Formats.TableTime(e.Time),
        delta,
        e.Host ?? "-",
        e.Kind.Name(),
        e.CodeText ?? "",
        Formats.Truncate(e.Message.ReplaceLineEndings(" "), MessageWidth),
    ];

    private static void Write(TextWriter w, List<string[]> rows, bool related)
    {
        string[] headers = ["TIME (UTC)", related ? "DELTA" : "", "HOST", "KIND", "CODE", "MESSAGE"];
        var kept = Enumerable.Range(0, headers.Length).Where(i => related || i != 1).ToArray();
        TextTable.Write(w, kept.Select(i => headers[i]).ToList(), rows.Select(r => kept.Select(i => r[i]).ToArray()).ToList());
    }
}
