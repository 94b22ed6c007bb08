using LogCorrelator.Events;
using LogCorrelator.Query;

namespace LogCorrelator.Cli.Tui;

/// <summary>Stored events and query matches as the plain rows the panes draw.</summary>
internal static class RowText
{
    public static ResultRow Row(StoredEvent e, IReadOnlyList<RelatedEvent> related) =>
        new(e.Id, e.Time?.ToUnixTimeMilliseconds() ?? EventTime.None, e.Host ?? "-", e.Kind.Name(), e.CodeText ?? "", OneLine(e.Message),
            related.Select(Related).OrderBy(r => Math.Abs(r.DeltaSeconds)).ThenBy(r => r.Time).ToArray());

    public static RelatedRow Related(RelatedEvent r) =>
        new(r.Event.Id, r.Event.At.ToUnixTimeMilliseconds(), r.Event.Host ?? "-", r.Event.Kind.Name(), r.Event.CodeText ?? "",
            OneLine(r.Event.Message), r.DeltaSeconds);

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
