using System.Globalization;
using LogCorrelator.Events;
using LogCorrelator.Query;

namespace LogCorrelator.Tests.Query.Sample;

/// <summary>
/// A match in one line with its day, for incidents over several days:
/// <c>03-05 11:32:06.480 error 10054 APPSRV01 | restart 03-05 11:32:04.310 SQLPROD01 -2.17s</c>.
/// </summary>
internal static class SampleText
{
    public static string Of(QueryMatch match)
    {
        var e = match.Event;
        string text = $"{Time(e.Time)} {e.Kind.Name()} {e.CodeText ?? "-"} {e.Host}";
        foreach (var r in match.Related)
            text += $" | {r.Event.Kind.Name()} {Time(r.Event.Time)} {r.Event.Host} {r.DeltaSeconds.ToString("+0.###;-0.###;0", CultureInfo.InvariantCulture)}s";
        return text;
    }

    public static string[] Of(QueryResult result) => result.Matches.Select(Of).ToArray();

    /// <summary>A table row as <c>cell | cell | cell</c>, times in the same short form.</summary>
    public static string[] Rows(QueryResult result) =>
        result.Rows!.Select(r => string.Join(" | ", r.Select(Cell))).ToArray();

    private static string Cell(object? cell) => cell switch
    {
        null => "-",
        DateTimeOffset t => Time(t),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString()!,
    };

    private static string Time(DateTimeOffset? t) => t?.UtcDateTime.ToString("MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) ?? "—";
}
