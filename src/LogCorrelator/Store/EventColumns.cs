using LogCorrelator.Events;

namespace LogCorrelator.Store;

/// <summary>
/// Events loaded for the join core as parallel arrays sorted by time (struct of arrays: the
/// sweep touches only <see cref="Time"/>). Missing numbers are <see cref="None"/>; host and peer are name ids.
/// </summary>
public sealed class EventColumns
{
    public const int None = int.MinValue;

    public EventColumns(int capacity)
    {
        Id = new long[capacity];
        Time = new long[capacity];
        Kind = new EventKind[capacity];
        Code = new int[capacity];
        Host = new int[capacity];
        Peer = new int[capacity];
        Spid = new int[capacity];
    }

    public long[] Id { get; private set; }
    public long[] Time { get; private set; }
    public EventKind[] Kind { get; private set; }
    public int[] Code { get; private set; }
    public int[] Host { get; private set; }
    public int[] Peer { get; private set; }
    public int[] Spid { get; private set; }
    public int Count { get; private set; }

    public static EventColumns Empty { get; } = new(0);

    public void Add(long id, long time, EventKind kind, int code, int host, int peer, int spid)
    {
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

    private void Grow()
    {
        int n = Math.Max(16, Id.Length * 2);
        var id = Id; var time = Time; var kind = Kind; var code = Code; var host = Host; var peer = Peer; var spid = Spid;
        Array.Resize(ref id, n); Array.Resize(ref time, n); Array.Resize(ref kind, n); Array.Resize(ref code, n);
        Array.Resize(ref host, n); Array.Resize(ref peer, n); Array.Resize(ref spid, n);
        Id = id; Time = time; Kind = kind; Code = code; Host = host; Peer = peer; Spid = spid;
    }
}
