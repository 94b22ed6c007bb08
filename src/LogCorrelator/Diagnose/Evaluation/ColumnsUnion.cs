using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>Merges time-sorted columns into one, keeping (time, id) order and each event once.</summary>
internal static class ColumnsUnion
{
    public static EventColumns Merge(EventColumns a, EventColumns b)
    {
        var merged = new EventColumns(Math.Max(a.Count + b.Count, 1));
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            bool takeA = j == b.Count
                || (i < a.Count && (a.Time[i] < b.Time[j] || (a.Time[i] == b.Time[j] && a.Id[i] <= b.Id[j])));
            if (takeA)
            {
                // Adjacent windows can both hold an event on their common edge.
                if (i < a.Count && j < b.Count && a.Id[i] == b.Id[j])
                    j++;
                IncidentErrors.Copy(a, i++, merged);
            }
            else
            {
                IncidentErrors.Copy(b, j++, merged);
            }
        }
        return merged;
    }
}
