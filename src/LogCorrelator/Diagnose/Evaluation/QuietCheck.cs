using LogCorrelator.Correlate;
using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Query.Ast;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// <c>quietBefore</c>: keeps the errors whose host logged nothing in (t - quiet, t - settle), that is
/// whose last line before the settle gap is at least <c>quiet</c> before them (the edge is inclusive: a
/// 240 s gap meets a 4 min threshold), and finds, for each, that line (the evidence, and the gap's length).
/// </summary>
internal static class QuietCheck
{
    /// <summary>How far back the last line is looked for; a longer silence is reported as at least this.</summary>
    public const long LookBackMs = 24 * 3_600_000L;

    /// <returns>For each left event: null when its host was not quiet, else the last line before the silence (id 0 when none within the look-back).</returns>
    public static Related?[] Apply(EventStore store, HostKeys keys, EventColumns left, QuietWindow quiet)
    {
        var result = new Related?[left.Count];
        if (left.Count == 0)
            return result;
        // The window must end before the error itself, one millisecond short of t - settle, and start
        // one millisecond after t - quiet: a line exactly quiet before the error leaves the gap long enough.
        var ends = Ends(left, quiet);
        long span = Math.Max(0, quiet.QuietMs - quiet.SettleMs - 2);
        var activity = LoadAround(store, ends, span);
        var leftKeys = keys.Of(left, Field.Host);
        var ranges = KeyedIntervalJoin.Join(ends, leftKeys, activity.Times, keys.Of(activity, Field.Host), TimeWindow.Preceding(span));
        for (int a = 0; a < left.Count; a++)
        {
            if (leftKeys[a] < 0 || ranges.HasMatch(a))
                continue;
            result[a] = LastBefore(store, keys, leftKeys[a], ends[a] - span, left.Time[a]);
        }
        return result;
    }

    private static long[] Ends(EventColumns left, QuietWindow quiet)
    {
        var ends = new long[left.Count];
        for (int a = 0; a < left.Count; a++)
            ends[a] = left.Time[a] - quiet.SettleMs - 1;
        return ends;
    }

    /// <summary>Every event in the union of the windows (hosts only), in one pass over the blocks those windows meet.</summary>
    private static EventColumns LoadAround(EventStore store, long[] ends, long quietMs)
    {
        var sorted = (long[])ends.Clone();
        Array.Sort(sorted);
        var ranges = TimeRanges.Around(sorted, quietMs, 0);
        return store.Load(new EventScan { From = ranges[0].From, To = ranges[^1].To, Ranges = ranges, Fields = EventFields.Host });
    }

    /// <summary>The host's newest event before <paramref name="before"/>, looking back in doubling steps.</summary>
    public static Related LastBefore(EventStore store, HostKeys keys, int hostKey, long before, long errorTime)
    {
        for (long span = 3_600_000L; ; span *= 2)
        {
            long from = Math.Max(before - span, errorTime - LookBackMs);
            var events = store.Load(new EventScan { From = from, To = before, Fields = EventFields.Host });
            var hostKeys = keys.Of(events, Field.Host);
            for (int i = events.Count - 1; i >= 0; i--)
            {
                if (hostKeys[i] == hostKey && events.Time[i] < before)
                    return new Related(events.Id[i], errorTime - events.Time[i]);
            }
            if (from <= errorTime - LookBackMs)
                return new Related(0, LookBackMs);
        }
    }
}
