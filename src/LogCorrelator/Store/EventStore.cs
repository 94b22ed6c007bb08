using LiteDB;
using LogCorrelator.Events;
using LogCorrelator.Store.Blocks;

namespace LogCorrelator.Store;

/// <summary>
/// The embedded store: one LiteDB file holding the sources, the interned host and peer names, and
/// every event in time-indexed blocks (<see cref="BlockSummary"/>, <see cref="BlockCodec"/>). The
/// summaries are read once when the store opens; a read decodes only the blocks whose summary can
/// hold what it asks for. No text is stored: messages are read from the source files by offset.
/// </summary>
public sealed class EventStore : IDisposable
{
    public const string DefaultFileName = "logcorr.lcdb";

    private static readonly TimeSpan WriterWait = TimeSpan.FromSeconds(5);
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    private readonly LiteDatabase _db;
    private readonly StoreLock _lock;
    private readonly Dictionary<string, int> _nameIds = new(StringComparer.Ordinal);
    private readonly List<string?> _names = [null];
    private readonly Lock _nameLock = new();
    /// <summary>How many of <see cref="_names"/> (a prefix) the store holds.</summary>
    private int _persistedNames = 1;
    /// <summary>The last source id given out (<see cref="ReserveSourceId"/>): ids of files read ahead are taken before they commit.</summary>
    private long _lastSourceId;
    private readonly BlockCache _cache = new(16L << 20);
    private readonly Lock _read = new();
    private List<SourceRecord> _sources = [];
    /// <summary>Read on first use: <c>sources</c>, an ingest of unchanged files and the lock checks never need them.</summary>
    private List<BlockSummary>? _blocksRead;
    private bool _sourcesSorted;
    private Dictionary<int, BlockSummary[]>? _bySource;

    private EventStore(string path, LiteDatabase db, StoreLock storeLock, bool writable)
    {
        Path = path;
        _db = db;
        _lock = storeLock;
        Writable = writable;
    }

    public string Path { get; }

    internal bool Writable { get; }

    /// <summary>
    /// Whether <paramref name="file"/> is the store's own: the store, its lock, LiteDB's log
    /// (<c>NAME-log.EXT</c>), or what it extracted from archives (<c>STORE.files/</c>).
    /// </summary>
    public bool Owns(string file) =>
        file.StartsWith(Path, StringComparison.Ordinal)
        || file == System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Path)!,
            System.IO.Path.GetFileNameWithoutExtension(Path) + "-log" + System.IO.Path.GetExtension(Path));

    internal LiteDatabase Database => _db;

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/> to ingest into it: no one else may use it meanwhile.</summary>
    public static EventStore Open(string path) => Open(path, writable: true, WriterWait);

    /// <summary>Opens the store to write, waiting at most <paramref name="wait"/> for its readers to leave.</summary>
    internal static EventStore Open(string path, TimeSpan wait) => Open(path, writable: true, wait);

    /// <summary>Opens an existing store to read it, alongside other readers; refused while an ingest writes it.</summary>
    public static EventStore OpenRead(string path) => Open(path, writable: false, TimeSpan.Zero);

    /// <summary>LiteDB's header page: a store file is never shorter once written.</summary>
    private const int HeaderBytes = 8192;

    private static EventStore Open(string path, bool writable, TimeSpan wait)
    {
        var full = System.IO.Path.GetFullPath(path);
        RefuseSqlite(full);
        var storeLock = StoreLock.Acquire(full, writable, wait);
        LiteDatabase? db = null;
        try
        {
            long? length = File.Exists(full) ? new FileInfo(full).Length : null;
            if (length is > 0 and < HeaderBytes)
                throw new InvalidDataException($"{length} bytes, shorter than a store's header");
            // An ingest killed as it created the store leaves it empty: read as a store with nothing in it
            // (LiteDB would write its header into a file opened to read, and fail).
            db = !writable && length == 0
                ? new LiteDatabase(new MemoryStream())
                : new LiteDatabase(new ConnectionString { Filename = full, Connection = ConnectionType.Direct, ReadOnly = !writable && length is not null });
            var store = new EventStore(full, db, storeLock, writable);
            store.Load();
            return store;
        }
        catch (Exception e) when (IsDamage(e))
        {
            db?.Dispose();
            storeLock.Dispose();
            throw Damaged(full, e);
        }
        catch
        {
            db?.Dispose();
            storeLock.Dispose();
            throw;
        }
    }

    /// <summary>What LiteDB, the documents or the block codec throw when the file is not what was written.</summary>
    private static bool IsDamage(Exception e) =>
        e is LiteException or InvalidCastException or InvalidDataException or KeyNotFoundException or IndexOutOfRangeException
        || (e is IOException && e is not FileNotFoundException and not DirectoryNotFoundException);

    internal static StoreException Damaged(string path, Exception e) =>
        new($"the store '{path}' is damaged ({e.Message.TrimEnd('.')}): delete it and ingest again; it is rebuilt from the logs", e);

    /// <summary>The store before this one was SQLite: never misread it.</summary>
    private static void RefuseSqlite(string path)
    {
        if (!File.Exists(path))
            return;
        Span<byte> head = stackalloc byte[16];
        using var f = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (f.Read(head) == head.Length && head.SequenceEqual(SqliteHeader))
            throw new StoreException($"'{path}' was made by an older logcorr (an SQLite store): delete it and ingest again");
    }

    private void Load()
    {
        var meta = _db.GetCollection(StoreDocuments.Meta);
        var version = meta.FindById("schema");
        if (version is null)
        {
            if (_db.GetCollectionNames().Any(n => n != StoreDocuments.Meta))
                throw new StoreException($"'{Path}' is not a logcorr store (it has no format version): delete it and ingest again");
            if (Writable)
                meta.Upsert(new BsonDocument { ["_id"] = "schema", ["v"] = StoreDocuments.Version });
        }
        else if (version["v"].AsInt32 != StoreDocuments.Version)
        {
            throw new StoreException(version["v"].AsInt32 < StoreDocuments.Version
                ? $"'{Path}' was made by an older logcorr (store format {version["v"].AsInt32}, this one reads {StoreDocuments.Version}): delete it and ingest again"
                : $"'{Path}' was made by a newer logcorr (store format {version["v"].AsInt32}, this one reads {StoreDocuments.Version}): use that version, or delete it and ingest again");
        }
        ReloadNames();
        _sources = _db.GetCollection(StoreDocuments.Sources).FindAll().Select(StoreDocuments.Source).ToList();
        _sourcesSorted = false;
        _blocksRead = null;
    }

    /// <summary>Reads the names the store holds (when it opens).</summary>
    private void ReloadNames()
    {
        lock (_nameLock)
        {
            _nameIds.Clear();
            _names.Clear();
            _names.Add(null);
            foreach (var doc in _db.GetCollection(StoreDocuments.Names).FindAll())
                Remember(doc["_id"].AsInt32, doc["n"].AsString);
            _persistedNames = _names.Count;
        }
    }

    private void Remember(int id, string name)
    {
        while (_names.Count <= id)
            _names.Add(null);
        _names[id] = name;
        _nameIds[name] = id;
    }

    /// <summary>
    /// The id of a host/peer name, 0 for none. A new name gets its id at once, from any thread (a file
    /// read ahead encodes its blocks while another file is written), and reaches the store with the next
    /// file's commit (<see cref="PersistNames"/>). Ids are given in order and written in order, so the
    /// store's names are always a prefix of these: a rolled-back file's names simply wait for the next commit.
    /// </summary>
    internal int NameId(string? name)
    {
        if (name is null)
            return 0;
        lock (_nameLock)
        {
            if (_nameIds.TryGetValue(name, out int id))
                return id;
            id = _names.Count;
            Remember(id, name);
            return id;
        }
    }

    /// <summary>Inside the committing file's transaction: the names given out since the last commit.</summary>
    /// <returns>How many names the store will hold once the transaction commits (for <see cref="NamesCommitted"/>).</returns>
    internal int PersistNames()
    {
        lock (_nameLock)
        {
            var names = _db.GetCollection(StoreDocuments.Names);
            for (int id = _persistedNames; id < _names.Count; id++)
                names.Insert(StoreDocuments.Name(id, _names[id]!));
            return _names.Count;
        }
    }

    internal void NamesCommitted(int count)
    {
        lock (_nameLock)
            _persistedNames = Math.Max(_persistedNames, count);
    }

    /// <summary>Whether a store file exists at <paramref name="path"/>.</summary>
    public static bool Exists(string path) => File.Exists(path);

    /// <summary>The name for an id; null for 0 or unknown.</summary>
    public string? Name(int id)
    {
        lock (_nameLock)
            return id > 0 && id < _names.Count ? _names[id] : null;
    }

    /// <summary>Every name with its id.</summary>
    internal IEnumerable<(int Id, string Name)> Names()
    {
        for (int i = 1; i < _names.Count; i++)
        {
            if (_names[i] is { } name)
                yield return (i, name);
        }
    }

    /// <summary>The id of an existing name, or -1 when no event has it.</summary>
    public int FindName(string name) =>
        _nameIds.TryGetValue(name, out int id) ? id
        : _nameIds.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } m ? m.Value : -1;

    public SourceRecord? FindSource(string path)
    {
        string full = System.IO.Path.GetFullPath(path);
        return _sources.FirstOrDefault(s => s.Path == full);
    }

    public IReadOnlyList<SourceRecord> Sources()
    {
        if (!_sourcesSorted)
        {
            _sources = [.. _sources.OrderBy(s => s.RelativePath, StringComparer.Ordinal).ThenBy(s => s.Path, StringComparer.Ordinal)];
            _sourcesSorted = true;
        }
        return _sources;
    }

    internal SourceRecord? SourceById(long id) => _sources.FirstOrDefault(s => s.Id == id);

    /// <summary>Every block's summary, in id order (a source's blocks in file order).</summary>
    internal IReadOnlyList<BlockSummary> BlockSummaries => Blocks;

    private List<BlockSummary> Blocks
    {
        get
        {
            lock (_read)
            {
                if (_blocksRead is null)
                {
                    try
                    {
                        _blocksRead = _db.GetCollection(StoreDocuments.Blocks).FindAll().Select(StoreDocuments.Summary).ToList();
                    }
                    catch (Exception e) when (IsDamage(e))
                    {
                        throw Damaged(Path, e);
                    }
                }
                return _blocksRead;
            }
        }
    }

    /// <summary>Starts writing one file's events in one transaction; any earlier version of the file is replaced.</summary>
    public SourceWriter BeginSource(string path, string relativePath, string format, SourceEncoding encoding, long size, long modifiedTicks)
    {
        if (!Writable)
            throw new InvalidOperationException("this store was opened for reading");
        return BeginSource(ReserveSourceId(), path, relativePath, format, encoding, size, modifiedTicks);
    }

    /// <summary>Starts writing the file whose id <see cref="ReserveSourceId"/> gave (its blocks may be encoded already).</summary>
    internal SourceWriter BeginSource(long id, string path, string relativePath, string format, SourceEncoding encoding, long size, long modifiedTicks)
    {
        if (!Writable)
            throw new InvalidOperationException("this store was opened for reading");
        return new SourceWriter(this, id, System.IO.Path.GetFullPath(path), relativePath, format, encoding, size, modifiedTicks);
    }

    /// <summary>A source id no other file has or will get: the ids of rolled-back files are not reused.</summary>
    internal long ReserveSourceId()
    {
        lock (_nameLock)
        {
            long max = _sources.Count == 0 ? 0 : _sources.Max(s => s.Id);
            _lastSourceId = Math.Max(_lastSourceId, max) + 1;
            return _lastSourceId;
        }
    }

    /// <summary>After a file's commit: its source and blocks replace any earlier version's.</summary>
    internal void Committed(SourceRecord source, long? replaced, IReadOnlyList<BlockSummary> blocks)
    {
        if (replaced is long old)
            _sources.RemoveAll(s => s.Id == old);
        _sources.Add(source);
        _sourcesSorted = false;
        lock (_read)
        {
            // Not read yet: the first read finds the committed blocks in the store. Read inside the
            // file's transaction, they may hold its blocks already.
            _blocksRead?.RemoveAll(b => b.Source == source.Id || (replaced is long gone && b.Source == gone));
            _blocksRead?.AddRange(blocks);
        }
        _bySource = null;
        _cache.Clear();
    }

    /// <summary>The blocks that can hold what <paramref name="filter"/> asks, decoded, in order of their first time.</summary>
    internal IEnumerable<EventBlock> Scan(BlockFilter filter, BlockScanStats? stats = null)
    {
        var admitted = new List<BlockSummary>();
        foreach (var b in Blocks)
        {
            if (stats is not null)
                stats.Considered++;
            if (filter.Admits(b))
                admitted.Add(b);
            else if (stats is not null)
                stats.Pruned++;
        }
        admitted.Sort((a, b) => a.First != b.First ? a.First.CompareTo(b.First) : a.Id.CompareTo(b.Id));
        foreach (var b in admitted)
            yield return Block(b, stats);
    }

    /// <summary>One block, decoded (or from the cache).</summary>
    internal EventBlock Block(BlockSummary summary, BlockScanStats? stats = null)
    {
        lock (_read)
        {
            if (_cache.TryGet(summary.Id, out var cached))
                return cached;
            var block = Read(summary, stats, bytes => BlockCodec.Decode(summary, bytes, EventIds.Base(summary.Source)));
            _cache.Add(block);
            return block;
        }
    }

    /// <summary>
    /// A block's times and kinds into <paramref name="times"/> and <paramref name="kinds"/> (at least
    /// its count long): from the cache when it holds the block, else decoding those two columns only.
    /// </summary>
    internal void Times(BlockSummary summary, long[] times, EventKind[] kinds, BlockScanStats? stats = null)
    {
        lock (_read)
        {
            if (_cache.TryGet(summary.Id, out var cached))
            {
                cached.Time.CopyTo(times, 0);
                cached.Kind.CopyTo(kinds, 0);
                return;
            }
            Read(summary, stats, bytes => BlockCodec.DecodeTimes(summary, bytes, times, kinds));
        }
    }

    /// <summary>
    /// How many events <paramref name="filter"/> matches, from the summaries where they tell (whole blocks,
    /// each kind's count and span), decoding the rest; stops counting once past <paramref name="limit"/>.
    /// </summary>
    internal long Count(BlockFilter filter, long? limit = null, BlockScanStats? stats = null)
    {
        long n = 0;
        foreach (var b in Blocks)
        {
            if (!filter.Admits(b))
                continue;
            if (filter.TryCount(b, out int count, out _, out _))
            {
                n += count;
            }
            else
            {
                var block = Block(b, stats);
                for (int i = 0; i < block.Count; i++)
                {
                    if (filter.Matches(block, i))
                        n++;
                }
            }
            if (n > limit)
                return n;
        }
        return n;
    }

    /// <summary>Reads a block's bytes and decodes them (called under <c>_read</c>); damage of either kind is one <see cref="StoreException"/>.</summary>
    private T Read<T>(BlockSummary summary, BlockScanStats? stats, Func<byte[], T> decode)
    {
        try
        {
            var doc = _db.GetCollection(StoreDocuments.BlockData).FindById(summary.Id)
                ?? throw new InvalidDataException($"block {summary.Id} is missing");
            var bytes = doc["d"].AsBinary;
            T decoded = decode(bytes);
            if (stats is not null)
            {
                stats.Decoded++;
                stats.EventsDecoded += summary.Count;
                stats.BytesRead += bytes.Length;
            }
            return decoded;
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Damaged(Path, e);
        }
    }

    /// <summary>The block holding event <paramref name="id"/> and its index there, or null.</summary>
    internal (EventBlock Block, int Index)? Find(long id)
    {
        // A source's blocks, the notable lanes first: their id ranges overlap the info blocks', and
        // an info block (99% of the events) is the costly one to decode for nothing.
        _bySource ??= Blocks.GroupBy(b => b.Source).ToDictionary(g => g.Key, g => g.OrderBy(b => b.Lane == BlockLane.Info).ThenBy(b => b.Id).ToArray());
        if (!_bySource.TryGetValue((int)EventIds.Source(id), out var blocks))
            return null;
        for (int pass = 0; pass < 2; pass++)
        {
            foreach (var b in blocks)
            {
                if (id < b.FirstId || id > b.LastId)
                    continue;
                EventBlock? block;
                lock (_read)
                    block = pass == 0 ? (_cache.TryGet(b.Id, out var cached) ? cached : null) : null;
                if (pass == 0 && block is null)
                    continue;
                block ??= Block(b);
                int i = block.IndexOf(id);
                if (i >= 0)
                    return (block, i);
            }
        }
        return null;
    }

    /// <summary>Loads the events a scan selects, sorted by time then id.</summary>
    internal EventSet Load(EventScan scan) => EventLoader.Load(this, scan);

    /// <summary>Reads the full events for display, with their one-line messages from the source files.</summary>
    public IReadOnlyList<StoredEvent> Resolve(IReadOnlyList<long> ids) => EventResolver.Resolve(this, ids);

    /// <summary>The raw text of an event's entry (all its lines), redacted.</summary>
    public string RawText(long id)
    {
        if (Find(id) is not var (block, i) || SourceById(EventIds.Source(id)) is not { } src)
            return "";
        using var text = new SourceTextReader();
        return text.Read(src.Path, src.Encoding, block.Offset[i], block.Length[i]);
    }

    /// <summary>Events in the store, from the sources' counts.</summary>
    public long CountEvents() => _sources.Sum(s => s.Events);

    /// <summary>The newest event time in the store (for <c>last 2h</c>), or null when empty.</summary>
    public long? NewestTime() => _sources.Max(s => s.Last?.ToUnixTimeMilliseconds());

    public void Dispose()
    {
        _db.Dispose();
        _lock.Dispose();
    }
}
