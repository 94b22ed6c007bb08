using LogCorrelator.Events;

namespace LogCorrelator.Store;

/// <summary>
/// Events loaded for the join core as parallel arrays sorted by time (struct of arrays: the
/// sweep touches only <see cref="Time"/>). Missing numbers are <see cref="None"/>; host and peer are name ids.
/// Columns a scan did not ask for (<see cref="EventScan.Fields"/>) are empty arrays.
/// </summary>
public sealed class EventColumns
{
    public const int None = int.MinValue;

    public EventColumns(int capacity)
        : this(new long[capacity], new long[capacity], new EventKind[capacity], new int[capacity], new int[capacity],
            new int[capacity], new int[capacity], 0, EventFields.All)
    {
    }

    internal EventColumns(long[] id, long[] time, EventKind[] kind, int[] code, int[] host, int[] peer, int[] spid, int count,
        EventFields fields)
    {
        Id = id;
        Time = time;
        Kind = kind;
        Code = code;
        Host = host;
        Peer = peer;
        Spid = spid;
        Count = count;
        Fields = fields;
    }

    public long[] Id { get; private set; }
    public long[] Time { get; private set; }
    public EventKind[] Kind { get; private set; }
    public int[] Code { get; private set; }
    public int[] Host { get; private set; }
    public int[] Peer { get; private set; }
    public int[] Spid { get; private set; }
    public int Count { get; private set; }
    /// <summary>The columns loaded besides ids and times.</summary>
    public EventFields Fields { get; }

    public static EventColumns Empty { get; } = new(0);

    /// <summary>Appends one event; only for columns built with every field (the public constructor).</summary>
    public void Add(long id, long time, EventKind kind, int code, int host, int peer, int spid)
    {
        if (Fields != EventFields.All)
            throw new InvalidOperationException("these columns were loaded without every field");
        if (Count == Id.Length)
            Grow();
        Id[Count] = id;
        Time[Count] = time;
        Kind[Count] = kind;
        Code[Count] = code;
        Host[Count] = host;
        Peer[Count] = peer;
        Spid[Count] = spid;
        Count++;
    }

    public ReadOnlySpan<long> Times => Time.AsSpan(0, Count);

    /// <summary>Bytes the arrays take, for memory measurements.</summary>
    public long Bytes =>
        Id.Length * 8L + Time.Length * 8L + Kind.Length + (Code.Length + Host.Length + Peer.Length + (long)Spid.Length) * 4;

    private void Grow()
    {
        int n = Math.Max(16, Id.Length * 2);
        var id = Id; var time = Time; var kind = Kind; var code = Code; var host = Host; var peer = Peer; var spid = Spid;
        Array.Resize(ref id, n); Array.Resize(ref time, n); Array.Resize(ref kind, n); Array.Resize(ref code, n);
        Array.Resize(ref host, n); Array.Resize(ref peer, n); Array.Resize(ref spid, n);
        Id = id; Time = time; Kind = kind; Code = code; Host = host; Peer = peer; Spid = spid;
    }
}
