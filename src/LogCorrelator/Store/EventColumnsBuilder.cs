using LogCorrelator.Events;

namespace LogCorrelator.Store;

/// <summary>
/// Collects a scan's rows into growing arrays of only the fields asked for, then hands out
/// <see cref="EventColumns"/> trimmed to the exact count, so a loaded event costs its bytes and no slack.
/// </summary>
internal sealed class EventColumnsBuilder
{
    private readonly EventFields _fields;
    private readonly int _capacity;
    private long[] _id;
    private long[] _time;
    private EventKind[] _kind;
    private int[] _code, _host, _peer, _spid;
    private int _count;

    /// <param name="fields">The columns to keep besides ids and times.</param>
    /// <param name="expected">The number of rows when known (0 when not): the arrays then start at that size.</param>
    public EventColumnsBuilder(EventFields fields, long expected = 0)
    {
        _fields = fields;
        _capacity = (int)Math.Clamp(expected, 256, Array.MaxLength);
        _id = new long[_capacity];
        _time = new long[_capacity];
        _kind = fields.HasFlag(EventFields.Kind) ? new EventKind[_capacity] : [];
        _code = Column(EventFields.Code);
        _host = Column(EventFields.Host);
        _peer = Column(EventFields.Peer);
        _spid = Column(EventFields.Spid);
    }

    public EventFields Fields => _fields;

    private int[] Column(EventFields field) => _fields.HasFlag(field) ? new int[_capacity] : [];

    public void Add(long id, long time, EventKind kind, int code, int host, int peer, int spid)
    {
        if (_count == _id.Length)
            Grow(_count * 2);
        int i = _count++;
        _id[i] = id;
        _time[i] = time;
        if (_kind.Length > 0) _kind[i] = kind;
        if (_code.Length > 0) _code[i] = code;
        if (_host.Length > 0) _host[i] = host;
        if (_peer.Length > 0) _peer[i] = peer;
        if (_spid.Length > 0) _spid[i] = spid;
    }

    /// <summary>The rows as added (the scan returned them in time order).</summary>
    public EventColumns Build()
    {
        Grow(_count);
        return new EventColumns(_id, _time, _kind, _code, _host, _peer, _spid, _count, _fields);
    }

    /// <summary>The rows in (time, id) order; they were added in id order, mostly already sorted by time.</summary>
    public EventColumns BuildSortedByTime()
    {
        var columns = Build();
        if (IsSorted(columns.Time))
            return columns;
        if (_fields == EventFields.None)
        {
            // Only ids and times: sort them in place, with no permutation or copies (a join of every
            // event then holds 16 bytes an event, not 44 at the peak).
            Array.Sort(_time, _id, 0, _count);
            SortTiesById(_time, _id, _count);
            return columns;
        }
        var order = TimeOrder(columns.Time);
        return new EventColumns(Gather(_id, order), Gather(_time, order), Gather(_kind, order), Gather(_code, order),
            Gather(_host, order), Gather(_peer, order), Gather(_spid, order), _count, _fields);
    }

    /// <summary>Array.Sort is not stable: within each run of equal times, put the ids back in order.</summary>
    private static void SortTiesById(long[] time, long[] id, int count)
    {
        int start = 0;
        for (int i = 1; i <= count; i++)
        {
            if (i == count || time[i] != time[start])
            {
                if (i - start > 1)
                    Array.Sort(id, start, i - start);
                start = i;
            }
        }
    }

    private static bool IsSorted(long[] time)
    {
        for (int i = 1; i < time.Length; i++)
        {
            if (time[i] < time[i - 1])
                return false;
        }
        return true;
    }

    /// <summary>Positions in time order; equal times keep their id (= position) order.</summary>
    private static int[] TimeOrder(long[] time)
    {
        var keys = (long[])time.Clone();
        var order = new int[time.Length];
        for (int i = 0; i < order.Length; i++)
            order[i] = i;
        Array.Sort(keys, order);
        // Array.Sort is not stable: put each run of equal times back in position order.
        int start = 0;
        for (int i = 1; i <= keys.Length; i++)
        {
            if (i == keys.Length || keys[i] != keys[start])
            {
                if (i - start > 1)
                    Array.Sort(order, start, i - start);
                start = i;
            }
        }
        return order;
    }

    private static T[] Gather<T>(T[] values, int[] order)
    {
        if (values.Length == 0)
            return values;
        var result = new T[order.Length];
        for (int i = 0; i < order.Length; i++)
            result[i] = values[order[i]];
        return result;
    }

    private void Grow(int n)
    {
        n = Math.Max(n, _count);
        Array.Resize(ref _id, n);
        Array.Resize(ref _time, n);
        if (_fields.HasFlag(EventFields.Kind)) Array.Resize(ref _kind, n);
        if (_fields.HasFlag(EventFields.Code)) Array.Resize(ref _code, n);
        if (_fields.HasFlag(EventFields.Host)) Array.Resize(ref _host, n);
        if (_fields.HasFlag(EventFields.Peer)) Array.Resize(ref _peer, n);
        if (_fields.HasFlag(EventFields.Spid)) Array.Resize(ref _spid, n);
    }
}
