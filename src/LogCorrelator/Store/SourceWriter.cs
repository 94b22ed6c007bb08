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
    private readonly SourceRecord _record;
    private readonly long? _replaced;
    private readonly BlockEncoder _encoder;
    private readonly List<BlockSummary> _written = [];
    private readonly ILiteCollection<BsonDocument> _summaries;
    private readonly ILiteCollection<BsonDocument> _data;
    private SourceSpool? _spooled;
    private bool _done;

    internal SourceWriter(EventStore store, long sourceId, string path, string relativePath, string format, SourceEncoding encoding, long size, long mtime)
    {
        _store = store;
        _record = new SourceRecord(sourceId, path, relativePath, format, encoding, size, mtime, OffsetOrigin.Assumed, null, null, 0, 0, null, null);
        _encoder = new BlockEncoder(store, sourceId, Write);
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

    public long Events => _spooled?.Events ?? _encoder.Events;
    public long? First => _spooled is null ? _encoder.First : _spooled.First;
    public long? Last => _spooled is null ? _encoder.Last : _spooled.Last;

    public void Add(ref LogEvent e) => _encoder.Add(ref e);

    private void Write(EncodedBlock block)
    {
        _data.Insert(StoreDocuments.Data(block.Summary.Id, block.Data));
        _summaries.Insert(StoreDocuments.Summary(block.Summary));
        _written.Add(block.Summary);
    }

    /// <summary>Writes a file read ahead: its blocks as its own thread encoded them, then its counts.</summary>
    internal void Write(SourceSpool spool, CancellationToken cancel)
    {
        foreach (var block in spool.Blocks(cancel))
            Write(block);
        _spooled = spool;
    }

    /// <summary>Makes the file's events visible, with what was learned about its clock and host.</summary>
    public void Commit(SourceClock clock, string? host, int problems)
    {
        _encoder.Flush();
        long events = Events;
        long? first = First, last = Last;
        var record = _record with
        {
            OffsetOrigin = clock.Origin,
            Zone = clock.Zone?.Text,
            Host = host,
            Events = events,
            Problems = problems,
            First = first is long f ? DateTimeOffset.FromUnixTimeMilliseconds(f) : null,
            Last = last is long l ? DateTimeOffset.FromUnixTimeMilliseconds(l) : null,
            TimeNote = clock.TimeNote,
        };
        _store.Database.GetCollection(StoreDocuments.Sources).Insert(StoreDocuments.Source(record));
        int names = _store.PersistNames();
        _store.Database.Commit();
        _done = true;
        _store.NamesCommitted(names);
        _store.Committed(record, _replaced, _written);
    }

    /// <summary>Without a commit, the file's events are rolled back.</summary>
    public void Dispose()
    {
        if (_done)
            return;
        _done = true;
        // The names this file gave out stay known and reach the store with the next commit.
        _store.Database.Rollback();
    }
}
