using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Events;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// Finds, for many (host, before, floor) questions at once, the host's newest database activity in
/// [floor, before) among loaded lines: kinds that always count are decided from the columns, info lines
/// by their text, read from the files in rounds (one batch of lines for all the questions still open, a
/// few lines each, more each round), since the newest line of a busy host is usually a database line.
/// </summary>
internal sealed class ActivityScan
{
    private readonly EventStore _store;
    private readonly DatabaseActivity _activity;
    private readonly EventSet _lines;
    private readonly Dictionary<int, List<int>> _byHost = [];
    private readonly Dictionary<long, bool> _decided = [];

    /// <param name="lines">Time-sorted events with their kinds and hosts.</param>
    public ActivityScan(EventStore store, DatabaseActivity activity, HostKeys keys, EventSet lines)
    {
        (_store, _activity, _lines) = (store, activity, lines);
        var hostKeys = keys.Of(lines, Query.Ast.Field.Host);
        for (int i = 0; i < lines.Count; i++)
        {
            if (hostKeys[i] >= 0)
                (_byHost.TryGetValue(hostKeys[i], out var list) ? list : _byHost[hostKeys[i]] = []).Add(i);
        }
    }

    /// <returns>For each question, the index in the loaded lines of the host's newest activity in [floor, before), or -1.</returns>
    public int[] Newest(int[] hostKeys, long[] before, long[] floor)
    {
        int n = hostKeys.Length;
        var found = new int[n];
        var cursor = new int[n];
        var open = new List<int>();
        for (int q = 0; q < n; q++)
        {
            found[q] = -1;
            if (hostKeys[q] < 0 || !_byHost.TryGetValue(hostKeys[q], out var list))
                continue;
            // The host's newest line before 'before'.
            cursor[q] = LowerBound(list, before[q]) - 1;
            open.Add(q);
        }
        for (int take = 2; open.Count > 0; take = Math.Min(take * 4, 512))
        {
            var wanted = new List<long>();
            var still = new List<int>();
            foreach (int q in open)
            {
                var list = _byHost[hostKeys[q]];
                int asked = 0;
                for (int c = cursor[q]; c >= 0 && _lines.Time[list[c]] >= floor[q] && asked < take; c--)
                {
                    int i = list[c];
                    if (!DatabaseActivity.NeedsText((EventKind)_lines.Kind[i]) || _decided.ContainsKey(_lines.Id[i]))
                        continue;
                    wanted.Add(_lines.Id[i]);
                    asked++;
                }
            }
            foreach (var e in _store.Resolve(wanted))
                _decided[e.Id] = _activity.IsActivity(e.Kind, e.Message);
            foreach (int q in open)
            {
                var list = _byHost[hostKeys[q]];
                int c = cursor[q];
                for (; c >= 0 && _lines.Time[list[c]] >= floor[q]; c--)
                {
                    int i = list[c];
                    if (_activity.CountsByKind((EventKind)_lines.Kind[i]) || (_decided.TryGetValue(_lines.Id[i], out bool yes) && yes))
                    {
                        found[q] = i;
                        break;
                    }
                    if (DatabaseActivity.NeedsText((EventKind)_lines.Kind[i]) && !_decided.ContainsKey(_lines.Id[i]))
                        break;
                }
                cursor[q] = c;
                if (found[q] < 0 && c >= 0 && _lines.Time[list[c]] >= floor[q])
                    still.Add(q);
            }
            open = still;
        }
        return found;
    }

    public EventSet Lines => _lines;

    /// <summary>The first position in the host's list whose time is at least <paramref name="t"/>.</summary>
    private int LowerBound(List<int> list, long t)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_lines.Time[list[mid]] < t)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}
