using LiteDB;
using LogCorrelator.Events;
using LogCorrelator.Store.Blocks;
using LogCorrelator.Time;

namespace LogCorrelator.Store;

/// <summary>
/// Writes one source's events inside one LiteDB transaction: until <see cref="Commit"/> nothing of
/// the file is visible, and a file whose commit did not finish (Ctrl+C, an error, a killed process)
/// is simply not in the store, to be read again by the next ingest. Events gather per lane
/// (<see cref="BlockLane"/>) and go to the store a block at a time.
/// </summary>
public sealed class SourceWriter : IEventSink, IDisposable
{
    private readonly EventStore _store;
    private readonly long _sourceId;
    private readonly SourceRecord _record;
    private readonly long? _replaced;
    private readonly BlockBuilder[] _lanes = [new(BlockLane.Notable), new(BlockLane.Info), new(BlockLane.Untimed)];
    private readonly ByteBuffer _bytes = new();
    private readonly List<BlockSummary> _written = [];
    private readonly ILiteCollection<BsonDocument> _summaries;
    private readonly ILiteCollection<BsonDocument> _data;
    private string? _lastHost;
    private int _lastHostId;
    private long _nextBlock;
    private bool _done;

    internal SourceWriter(EventStore store, long sourceId, string path, string relativePath, string format, SourceEncoding encoding, long size, long mtime)
    {
        _store = store;
        _sourceId = sourceId;
        _record = new SourceRecord(sourceId, path, relativePath, format, encoding, size, mtime, OffsetOrigin.Assumed, null, null, 0, 0, null, null);
        var db = store.Database;
        _summaries = db.GetCollection(StoreDocuments.Blocks);
        _data = db.GetCollection(StoreDocuments.BlockData);
        db.BeginTrans();
        try
        {
            if (store.FindSource(path) is { } old)
            {
                _replaced = old.Id;
                var range = LiteDB.Query.Between("_id", EventIds.Base(old.Id), EventIds.Last(old.Id));
                _summaries.DeleteMany(range);
                _data.DeleteMany(range);
                db.GetCollection(StoreDocuments.Sources).Delete(old.Id);
            }
        }
        catch
        {
            db.Rollback();
            throw;
        }
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
            WriteBlock(builder);
        Events++;
        // A source's time range is that of its events with a time; text that carried none has no place in it.
        if (lane != BlockLane.Untimed)
        {
            First = First is long f ? Math.Min(f, e.Time) : e.Time;
            Last = Last is long l ? Math.Max(l, e.Time) : e.Time;
        }
    }

    private void WriteBlock(BlockBuilder builder)
    {
        long id = EventIds.Base(_sourceId) | _nextBlock++;
        BlockCodec.Encode(builder, EventIds.Base(_sourceId), _bytes);
        var summary = builder.Summarize(id, (int)_sourceId, _bytes.Length);
        _data.Insert(StoreDocuments.Data(id, _bytes.ToArray()));
        _summaries.Insert(StoreDocuments.Summary(summary));
        _written.Add(summary);
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

    /// <summary>Makes the file's events visible, with what was learned about its clock and host.</summary>
    public void Commit(SourceClock clock, string? host, int problems)
    {
        foreach (var lane in _lanes)
        {
            if (lane.Count > 0)
                WriteBlock(lane);
        }
        var record = _record with
        {
            OffsetOrigin = clock.Origin,
            Zone = clock.Zone?.Text,
            Host = host,
            Events = Events,
            Problems = problems,
            First = First is long f ? DateTimeOffset.FromUnixTimeMilliseconds(f) : null,
            Last = Last is long l ? DateTimeOffset.FromUnixTimeMilliseconds(l) : null,
            TimeNote = clock.TimeNote,
        };
        _store.Database.GetCollection(StoreDocuments.Sources).Insert(StoreDocuments.Source(record));
        _store.Database.Commit();
        _done = true;
        _store.Committed(record, _replaced, _written);
    }

    /// <summary>Without a commit, the file's events are rolled back.</summary>
    public void Dispose()
    {
        if (_done)
            return;
        _done = true;
        _store.Database.Rollback();
        _store.ReloadNames();
    }
}
