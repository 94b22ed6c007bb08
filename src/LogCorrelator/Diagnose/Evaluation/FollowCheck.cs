using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// <c>follows</c>: for each left error, the errors the followed rule explained that came within the
/// consequence window before it (lag = tError - tEarlier, both edges inclusive). The earlier errors are
/// the moments the followed rule found its event (keepalive: when each dead connection was detected).
/// </summary>
internal static class FollowCheck
{
    /// <returns>For each left error: the earlier errors in its window, or null when there is none.</returns>
    public static List<Related>?[] Apply(IncidentErrors errors, EventSet left, Rules.LagRange window, IReadOnlyList<ExplainedError> earlier)
    {
        var result = new List<Related>?[left.Count];
        if (earlier.Count == 0)
            return result;
        var anchors = earlier
            .Select(e => (Id: e.ErrorId, Time: errors.Counted.Time[errors.Index[e.ErrorId]]))
            .OrderBy(x => x.Time).ToArray();
        var times = anchors.Select(x => x.Time).ToArray();
        for (int a = 0; a < left.Count; a++)
        {
            long t = left.Time[a];
            // The first anchor at or after t - max, then forward while the lag stays >= min.
            int i = Array.BinarySearch(times, t - window.MaxMs);
            i = i < 0 ? ~i : i;
            while (i > 0 && times[i - 1] >= t - window.MaxMs)
                i--;
            for (; i < times.Length && t - times[i] >= window.MinMs; i++)
            {
                if (anchors[i].Id != left.Id[a])
                    (result[a] ??= []).Add(new Related(anchors[i].Id, t - times[i]));
            }
        }
        return result;
    }
}
