using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>Small operations on loaded columns: subsets, clock shifts.</summary>
internal static class ColumnSets
{
    public static EventColumns Where(EventColumns from, Func<int, bool> keep)
    {
        var result = new EventColumns(Math.Max(from.Count, 1));
        for (int i = 0; i < from.Count; i++)
        {
            if (keep(i))
                IncidentErrors.Copy(from, i, result);
        }
        return result;
    }

    /// <summary>
    /// The events with some moved in time (a host whose clock is off), sorted again by time, as the
    /// join core needs. <paramref name="shiftOf"/> returns the milliseconds to subtract, 0 for none.
    /// </summary>
    public static EventColumns Shift(EventColumns from, Func<int, long> shiftOf)
    {
        var order = Enumerable.Range(0, from.Count)
            .Select(i => (Time: from.Time[i] - shiftOf(i), Index: i))
            .OrderBy(p => p.Time).ThenBy(p => from.Id[p.Index])
            .ToList();
        var result = new EventColumns(Math.Max(from.Count, 1));
        foreach (var (time, i) in order)
            result.Add(from.Id[i], time, from.Kind[i], from.Code[i], from.Host[i], from.Peer[i], from.Spid[i]);
        return result;
    }
}
