using LogCorrelator.Store;

namespace LogCorrelator.Query.Planning;

/// <summary>Merges time-sorted columns into one, keeping (time, id) order and each event once.</summary>
internal static class ColumnsUnion
{
    public static EventColumns Merge(EventColumns a, EventColumns b)
    {
        var merged = new EventColumnsBuilder(a.Fields & b.Fields);
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            bool takeA = j == b.Count
                || (i < a.Count && (a.Time[i] < b.Time[j] || (a.Time[i] == b.Time[j] && a.Id[i] <= b.Id[j])));
            if (takeA)
            {
                // Two scans of one union can select the same event (say errors 10054 and errors 08S01).
                if (i < a.Count && j < b.Count && a.Id[i] == b.Id[j])
                    j++;
                Copy(a, i++, merged);
            }
            else
            {
                Copy(b, j++, merged);
            }
        }
        return merged.Build();
    }

    private static void Copy(EventColumns from, int i, EventColumnsBuilder to) =>
        to.Add(from.Id[i], from.Time[i], At(from.Kind, i), At(from.Code, i), At(from.Host, i), At(from.Peer, i), At(from.Spid, i));

    /// <summary>A column's value, or default when the scan did not load that column.</summary>
    private static T At<T>(T[] column, int i) where T : struct => column.Length > 0 ? column[i] : default;
}
