using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// <c>quietBefore</c>: keeps the errors whose host showed no database activity (grammars/database-activity.yaml)
/// in (t - quiet, t - settle), that is whose last activity before the settle gap is at least <c>quiet</c>
/// before them (the edge is inclusive: a 240 s gap meets a 4 min threshold), and finds, for each, that line
/// (the evidence, and the gap's length). A line that is not database activity (a health check, a request
/// line) does not end the silence: it did not use a pooled connection.
/// </summary>
internal static class QuietCheck
{
    /// <summary>How far back the last activity is looked for; a longer silence is reported as at least this.</summary>
    public const long LookBackMs = 24 * 3_600_000L;

    /// <returns>For each left event: null when its host was not quiet, else the last activity before the silence (id 0 when none within the look-back).</returns>
    public static Related?[] Apply(EventStore store, HostKeys keys, EventSet left, QuietWindow quiet, DatabaseActivity activity)
    {
        var result = new Related?[left.Count];
        if (left.Count == 0)
            return result;
        // The silence is (t - quiet, t - settle): a line exactly quiet before the error leaves the gap long enough.
        var before = new long[left.Count];
        var floor = new long[left.Count];
        for (int a = 0; a < left.Count; a++)
        {
            before[a] = left.Time[a] - quiet.SettleMs;
            floor[a] = left.Time[a] - quiet.QuietMs + 1;
        }
        var leftKeys = keys.Of(left, Query.Ast.Field.Host);
        var scan = new ActivityScan(store, activity, keys, Load(store, left.Times, quiet.QuietMs));
        var inside = scan.Newest(leftKeys, before, floor);
        for (int a = 0; a < left.Count; a++)
        {
            if (leftKeys[a] >= 0 && inside[a] < 0)
                result[a] = LastBefore(store, keys, activity, leftKeys[a], before[a], left.Time[a]);
        }
        return result;
    }

    /// <summary>Every event (kinds and hosts) in the union of the windows reaching <paramref name="spanMs"/> before the times, in one pass.</summary>
    public static EventSet Load(EventStore store, ReadOnlySpan<long> times, long spanMs)
    {
        var ranges = TimeRanges.Around(times, spanMs, 0);
        return store.Load(new EventScan { From = ranges[0].From, To = ranges[^1].To, Ranges = ranges, Fields = ColumnSet.Host | ColumnSet.Kind });
    }

    /// <summary>The host's newest database activity before <paramref name="before"/>, looking back in doubling steps.</summary>
    public static Related LastBefore(EventStore store, HostKeys keys, DatabaseActivity activity, int hostKey, long before, long errorTime)
    {
        for (long span = 3_600_000L; ; span *= 2)
        {
            long from = Math.Max(before - span, errorTime - LookBackMs);
            var events = store.Load(new EventScan { From = from, To = before, Fields = ColumnSet.Host | ColumnSet.Kind });
            var scan = new ActivityScan(store, activity, keys, events);
            int i = scan.Newest([hostKey], [before], [from])[0];
            if (i >= 0)
                return new Related(events.Id[i], errorTime - events.Time[i]);
            if (from <= errorTime - LookBackMs)
                return new Related(0, LookBackMs);
        }
    }
}
