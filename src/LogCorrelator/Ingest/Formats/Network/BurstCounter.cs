using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>
/// Counts segments per second per server port and writes one summary event for each second with
/// at least <see cref="Threshold"/>: many resets from the SQL port within a second is how a listen
/// backlog overflow shows in a capture (seed 003), a SYN storm its cause. The event carries the
/// second, the port and the count, and points at the second's first segment line.
/// </summary>
internal sealed class BurstCounter
{
    public const int Threshold = 3;

    private readonly Dictionary<long, Bucket> _open = [];
    private readonly List<Bucket> _ready = [];
    private readonly EventKind _kind;
    private readonly string _extra;

    public BurstCounter(EventKind kind, string extra)
    {
        _kind = kind;
        _extra = extra;
    }

    public void Add(long utcMs, int port, in Line line, int textBytes)
    {
        long second = Math.DivRem(utcMs, 1000L, out long rem) - (rem < 0 ? 1 : 0);
        long key = second * 65536 + port;
        if (_open.TryGetValue(key, out var bucket))
            bucket.Count++;
        else
            _open[key] = new Bucket(second, port, line.Offset, line.Length, line.Number, textBytes);
    }

    /// <summary>Writes the seconds that can no longer grow: captures are in time order, give or take a second.</summary>
    public void FlushBefore(long utcMs, string? host, IEventSink sink)
    {
        if (_open.Count == 0)
            return;
        long second = utcMs / 1000;
        foreach (var (key, bucket) in _open)
        {
            if (bucket.Second < second - 1)
            {
                _ready.Add(bucket);
                _open.Remove(key);
            }
        }
        Write(host, sink);
    }

    public void FlushAll(string? host, IEventSink sink)
    {
        _ready.AddRange(_open.Values);
        _open.Clear();
        Write(host, sink);
    }

    private void Write(string? host, IEventSink sink)
    {
        _ready.Sort((a, b) => a.Second != b.Second ? a.Second.CompareTo(b.Second) : a.Line.CompareTo(b.Line));
        var e = new LogEvent();
        foreach (var b in _ready)
        {
            if (b.Count < Threshold)
                continue;
            e.Clear();
            e.Time = b.Second * 1000;
            e.Kind = _kind;
            e.Host = host;
            e.Port = b.Port;
            e.Count = b.Count;
            e.Offset = b.Offset;
            e.Length = b.Length;
            e.Line = b.Line;
            e.MessageLength = b.TextBytes;
            e.Extra = _extra;
            sink.Add(ref e);
        }
        _ready.Clear();
    }

    private sealed class Bucket(long second, int port, long offset, int length, int line, int textBytes)
    {
        public long Second { get; } = second;
        public int Port { get; } = port;
        public long Offset { get; } = offset;
        public int Length { get; } = length;
        public int Line { get; } = line;
        public int TextBytes { get; } = textBytes;
        public int Count { get; set; } = 1;
    }
}
