namespace LogCorrelator.Store;

/// <summary>
/// Events loaded for one set as parallel arrays sorted by (time, rowid): only the columns the query
/// needs (<see cref="Columns"/>). Missing numbers are <see cref="None"/>; host and peer are name ids, 0 for none.
/// </summary>
internal sealed partial class EventSet
{
    public const int None = int.MinValue;

    private int[] _kind = [], _code = [], _host = [], _peer = [], _spid = [], _port = [], _counts = [], _src = [], _msgLength = [];
    private string?[] _sqlState = [], _message = [], _extra = [];
    private long[] _msgOffset = [];

    public EventSet(ColumnSet columns, int capacity)
    {
        Columns = columns;
        Id = new long[capacity];
        Time = new long[capacity];
        Allocate(capacity);
    }

    public static EventSet Empty(ColumnSet columns) => new(columns, 0);

    public ColumnSet Columns { get; }
    public int Count { get; private set; }
    public long[] Id { get; private set; }
    public long[] Time { get; private set; }
    public ReadOnlySpan<long> Times => Time.AsSpan(0, Count);

    public int[] Kind => _kind;
    public int[] Code => _code;
    public string?[] SqlState => _sqlState;
    public string?[] Extra => _extra;
    public int[] Host => _host;
    public int[] Peer => _peer;
    public int[] Spid => _spid;
    public int[] Port => _port;
    public int[] Counts => _counts;
    public int[] Source => _src;
    /// <summary>Absolute byte offset of the one-line message in its source file.</summary>
    public long[] MessageOffset => _msgOffset;
    public int[] MessageLength => _msgLength;
    /// <summary>Message texts, read on demand (<see cref="MessageTexts"/>); null where not read yet.</summary>
    public string?[] Message => _message;

    public bool Has(ColumnSet column) => (Columns & column) == column;

    /// <summary>Bytes the number columns take (strings not counted), for memory checks: a join's scan holds ids and times only.</summary>
    public long Bytes =>
        (Id.Length + Time.Length + (long)_msgOffset.Length) * 8
        + ((long)_kind.Length + _code.Length + _host.Length + _peer.Length + _spid.Length + _port.Length + _counts.Length + _src.Length + _msgLength.Length) * 4;

    /// <summary>Appends a row; columns not in <see cref="Columns"/> are ignored.</summary>
    public int Add(long id, long time)
    {
        if (Count == Id.Length)
            Grow();
        Id[Count] = id;
        Time[Count] = time;
        return Count++;
    }

    /// <summary>The rows at <paramref name="indices"/>, in that order.</summary>
    public EventSet Subset(ReadOnlySpan<int> indices) => Subset(indices, Columns);

    public EventSet Subset(ReadOnlySpan<int> indices, ColumnSet columns)
    {
        var result = new EventSet(columns & Columns, indices.Length);
        foreach (int i in indices)
            result.CopyRow(this, i);
        return result;
    }

    /// <summary>The row at <paramref name="i"/> of <paramref name="from"/> appended here (the columns both have).</summary>
    public void CopyRow(EventSet from, int i)
    {
        int n = Add(from.Id[i], from.Time[i]);
        var both = Columns & from.Columns;
        if ((both & ColumnSet.Kind) != 0) _kind[n] = from._kind[i];
        if ((both & ColumnSet.Code) != 0) _code[n] = from._code[i];
        if ((both & ColumnSet.SqlState) != 0) _sqlState[n] = from._sqlState[i];
        if ((both & ColumnSet.Extra) != 0) _extra[n] = from._extra[i];
        if ((both & ColumnSet.Host) != 0) _host[n] = from._host[i];
        if ((both & ColumnSet.Peer) != 0) _peer[n] = from._peer[i];
        if ((both & ColumnSet.Spid) != 0) _spid[n] = from._spid[i];
        if ((both & ColumnSet.Port) != 0) _port[n] = from._port[i];
        if ((both & ColumnSet.Count) != 0) _counts[n] = from._counts[i];
        if ((both & ColumnSet.Source) != 0) _src[n] = from._src[i];
        if ((both & ColumnSet.Message) != 0)
        {
            _msgOffset[n] = from._msgOffset[i];
            _msgLength[n] = from._msgLength[i];
            _message[n] = from._message[i];
        }
    }

    /// <summary>The rows for which <paramref name="keep"/> holds, in order.</summary>
    public EventSet Where(Func<int, bool> keep)
    {
        var kept = new List<int>(Count);
        for (int i = 0; i < Count; i++)
        {
            if (keep(i))
                kept.Add(i);
        }
        return Subset(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(kept));
    }

    /// <summary>
    /// The rows with their times moved back by <paramref name="shiftOf"/> milliseconds (a host whose
    /// clock is off), in (time, rowid) order again, as the join core needs.
    /// </summary>
    public EventSet Shifted(Func<int, long> shiftOf)
    {
        var moved = new long[Count];
        var order = new int[Count];
        for (int i = 0; i < Count; i++)
        {
            moved[i] = Time[i] - shiftOf(i);
            order[i] = i;
        }
        var id = Id;
        Array.Sort(order, (a, b) => moved[a] != moved[b] ? moved[a].CompareTo(moved[b]) : id[a].CompareTo(id[b]));
        var result = Subset(order);
        for (int k = 0; k < order.Length; k++)
            result.Time[k] = moved[order[k]];
        return result;
    }

    /// <summary>Whether rows are in (time, rowid) order, as the join core needs.</summary>
    public bool IsSorted()
    {
        for (int i = 1; i < Count; i++)
        {
            if (Time[i] < Time[i - 1] || (Time[i] == Time[i - 1] && Id[i] <= Id[i - 1]))
                return false;
        }
        return true;
    }

    /// <summary>This set in (time, rowid) order: itself when already so.</summary>
    public EventSet Sorted()
    {
        if (IsSorted())
            return this;
        var order = new int[Count];
        for (int i = 0; i < order.Length; i++)
            order[i] = i;
        var id = Id;
        var time = Time;
        Array.Sort(order, (a, b) => time[a] != time[b] ? time[a].CompareTo(time[b]) : id[a].CompareTo(id[b]));
        return Subset(order);
    }

    private void Grow()
    {
        int n = Math.Max(64, Id.Length * 2);
        var id = Id;
        var time = Time;
        Array.Resize(ref id, n);
        Array.Resize(ref time, n);
        Id = id;
        Time = time;
        Allocate(n);
    }

    private void Allocate(int n)
    {
        Resize(ref _kind, ColumnSet.Kind, n);
        Resize(ref _code, ColumnSet.Code, n);
        Resize(ref _sqlState, ColumnSet.SqlState, n);
        Resize(ref _extra, ColumnSet.Extra, n);
        Resize(ref _host, ColumnSet.Host, n);
        Resize(ref _peer, ColumnSet.Peer, n);
        Resize(ref _spid, ColumnSet.Spid, n);
        Resize(ref _port, ColumnSet.Port, n);
        Resize(ref _counts, ColumnSet.Count, n);
        Resize(ref _src, ColumnSet.Source, n);
        Resize(ref _msgOffset, ColumnSet.Message, n);
        Resize(ref _msgLength, ColumnSet.Message, n);
        Resize(ref _message, ColumnSet.Message, n);
    }

    private void Resize<T>(ref T[] array, ColumnSet column, int n)
    {
        if ((Columns & column) != 0)
            Array.Resize(ref array, n);
    }
}
