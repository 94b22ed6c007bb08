using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Events;

namespace LogCorrelator.Diagnose.Wording;

/// <summary>
/// Names the events errors follow, in words: "the restart at 11:32:04", "the kills of sessions
/// 87, 91 and 112 by APPSRV02 at 15:14:27". Events of one kind a few seconds apart are one
/// occurrence (three KILLs in a row, the two partners' lines of one failover).
/// </summary>
internal static class AnchorText
{
    public const double SameOccurrenceSeconds = 10;

    public static string Describe(IReadOnlyList<StoredEvent> anchors, bool withDate)
    {
        var phrases = new List<string>();
        foreach (var kind in anchors.OrderBy(a => a.At).GroupBy(a => a.Kind).OrderBy(g => g.Min(a => a.At)))
        {
            var occurrences = Occurrences(kind.ToList());
            phrases.Add(kind.Key switch
            {
                EventKind.Kill => Words.List(occurrences.Select(o => Kill(o, withDate)).ToList()),
                EventKind.Failover => Words.List(occurrences.Select(o => Failover(o[0], withDate)).ToList()),
                EventKind.TimeWait => Words.List(occurrences.Select(o => TimeWait(o, withDate)).ToList()),
                EventKind.Rst => $"the resets from port {occurrences[0][0].Port} at {Each(kind, withDate)}",
                EventKind.Restart => $"the restart at {Times(occurrences, withDate)}",
                EventKind.Shutdown => $"the shutdown at {Times(occurrences, withDate)}",
                EventKind.Info => $"the lines at {Each(kind, withDate)}",
                // A rule that follows another is measured from the errors that rule explained (keepalive's detections).
                EventKind.Error => $"the errors at {Each(kind, withDate)}",
                _ => $"the {kind.Key.Name()} events at {Times(occurrences, withDate)}",
            });
        }
        return Words.List(phrases);
    }

    /// <summary>Splits time-sorted events of one kind where two are more than a few seconds apart.</summary>
    public static List<List<StoredEvent>> Occurrences(List<StoredEvent> events)
    {
        var result = new List<List<StoredEvent>>();
        foreach (var e in events)
        {
            if (result.Count > 0 && (e.At - result[^1][^1].At).TotalSeconds <= SameOccurrenceSeconds)
                result[^1].Add(e);
            else
                result.Add([e]);
        }
        return result;
    }

    /// <summary>Every distinct second, for events that are many small ones rather than one occurrence (resets, app lines).</summary>
    private static string Each(IEnumerable<StoredEvent> events, bool withDate) =>
        Words.List(events.Select(e => Words.Time(e.At, withDate)).Distinct().ToList());

    private static string Times(List<List<StoredEvent>> occurrences, bool withDate) =>
        Words.List(occurrences.Select(o => Words.Time(o[0].At, withDate)).ToList());

    private static string Kill(List<StoredEvent> kills, bool withDate)
    {
        var sessions = kills.Where(k => k.Spid is not null).Select(k => k.Spid!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        var by = kills.Select(k => k.Peer).Where(p => p is not null).Distinct().ToList();
        string who = sessions.Count switch
        {
            0 => kills.Count == 1 ? "the kill" : "the kills",
            1 => $"the kill of session {sessions[0]}",
            _ => $"the kills of sessions {Words.List(sessions, 6)}",
        };
        return who + (by.Count > 0 ? $" by {Words.List(by!)}" : "") + $" at {Words.Time(kills[0].At, withDate)}";
    }

    private static string Failover(StoredEvent e, bool withDate)
    {
        string? db = ExtraAttributes.Value(e.Extra, "db") ?? ExtraAttributes.Value(e.Extra, "ag");
        string? from = ExtraAttributes.Value(e.Extra, "from"), to = ExtraAttributes.Value(e.Extra, "to");
        string what = db is null ? "the failover" : $"the failover of {db}";
        string roles = from is not null && to is not null ? $" ({from} to {to} on {e.Host})" : "";
        return $"{what}{roles} at {Words.Time(e.At, withDate)}";
    }

    private static string TimeWait(List<StoredEvent> snapshot, bool withDate)
    {
        var e = snapshot.OrderByDescending(s => s.Count ?? 0).ThenBy(s => s.Peer is null).First();
        string towards = e.Peer is null ? "" : $" to {e.Peer}";
        return $"the {e.Count} TIME_WAIT sockets{towards} at {Words.Time(e.At, withDate)}";
    }
}
