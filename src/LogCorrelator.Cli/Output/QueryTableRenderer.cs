using LogCorrelator.Events;
using LogCorrelator.Query;

namespace LogCorrelator.Cli.Output;

/// <summary>
/// The readable table: one row per match, and under it the events that justified it with their delta.
/// </summary>
internal static class QueryTableRenderer
{
    public const int MessageWidth = 110;

    public static void Write(TextWriter w, QueryResult result)
    {
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
