using LogCorrelator.Events;

namespace LogCorrelator.Store.Blocks;

/// <summary>
/// Turns one source's events into encoded blocks, lane by lane (<see cref="BlockLane"/>), without
/// touching the database: the writer encodes the file it writes with it, and a file read ahead
/// encodes on its own thread while another file is written (<see cref="SourceSpool"/>).
/// </summary>
internal sealed class BlockEncoder
{
    private readonly EventStore _store;
    private readonly long _sourceId;
    private readonly Action<EncodedBlock> _emit;
    private readonly BlockBuilder[] _lanes = [new(BlockLane.Notable), new(BlockLane.Info), new(BlockLane.Untimed)];
    private readonly ByteBuffer _bytes = new();
    private string? _lastHost;
    private int _lastHostId;
    private long _nextBlock;

    public BlockEncoder(EventStore store, long sourceId, Action<EncodedBlock> emit)
    {
        _store = store;
        _sourceId = sourceId;
        _emit = emit;
    }

    public long Events { get; private set; }
    public long? First { get; private set; }
    public long? Last { get; private set; }

    public void Add(ref LogEvent e)
    {
        if (Events == uint.MaxValue)
            throw new InvalidOperationException("a source holds at most 2^32 - 1 events");
        long id = EventIds.First(_sourceId) + Events;
        var lane = !EventTime.IsKnown(e.Time) ? BlockLane.Untimed : e.Kind == EventKind.Info ? BlockLane.Info : BlockLane.Notable;
        var builder = _lanes[(int)lane];
        var attributes = e.SqlState is null && e.Peer is null && e.Port is null && e.Count is null && e.Extra is null
            ? default
            : new EventAttributes(e.SqlState, _store.NameId(e.Peer), e.Port, e.Count, e.Extra is null ? null : Text.Redactor.Redact(e.Extra));
        builder.Add(id, ref e, HostId(e.Host), attributes);
        if (builder.IsFull)
            Emit(builder);
        Events++;
        // A source's time range is that of its events with a time; text that carried none has no place in it.
        if (lane != BlockLane.Untimed)
        {
            First = First is long f ? Math.Min(f, e.Time) : e.Time;
            Last = Last is long l ? Math.Max(l, e.Time) : e.Time;
        }
    }

    /// <summary>The partly filled blocks, at the file's end.</summary>
    public void Flush()
    {
        foreach (var lane in _lanes)
        {
            if (lane.Count > 0)
                Emit(lane);
        }
    }

    private void Emit(BlockBuilder builder)
    {
        long id = EventIds.Base(_sourceId) | _nextBlock++;
        BlockCodec.Encode(builder, EventIds.Base(_sourceId), _bytes);
        _emit(new EncodedBlock(builder.Summarize(id, (int)_sourceId, _bytes.Length), _bytes.ToArray()));
        builder.Clear();
    }

    private int HostId(string? host)
    {
        if (host is null)
            return 0;
        if (!ReferenceEquals(host, _lastHost))
        {
            _lastHost = host;
            _lastHostId = _store.NameId(host);
        }
        return _lastHostId;
    }
}

/// <summary>A block ready for the store: its summary and its bytes.</summary>
internal readonly record struct EncodedBlock(BlockSummary Summary, byte[] Data);
