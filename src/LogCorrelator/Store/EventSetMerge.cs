namespace LogCorrelator.Store;

internal sealed partial class EventSet
{
    /// <summary>Merges two sorted sets into one, keeping (time, rowid) order and each event once.</summary>
    public static EventSet Merge(EventSet a, EventSet b, ColumnSet columns)
    {
        var merged = new EventSet(columns & a.Columns & b.Columns, a.Count + b.Count);
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            bool takeA = j == b.Count
                || (i < a.Count && (a.Time[i] < b.Time[j] || (a.Time[i] == b.Time[j] && a.Id[i] <= b.Id[j])));
            if (takeA)
            {
                // Two members of one union can select the same event (say errors 10054 and errors 08S01).
                if (i < a.Count && j < b.Count && a.Id[i] == b.Id[j])
                    j++;
                merged.CopyRow(a, i++);
            }
            else
            {
                merged.CopyRow(b, j++);
            }
        }
        return merged;
    }
}
