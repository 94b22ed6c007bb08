using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Store;
using LogCorrelator.Time;

namespace LogCorrelator.Tests.Support;

/// <summary>
/// Builds a real store in a temporary folder: every event is also written as a line
/// <c>HH:mm:ss.fff message</c> of its source file, at the offsets the event points to, so
/// <see cref="EventStore.Resolve"/> reads the message back from the file as it does in production.
/// </summary>
internal sealed class StoreBuilder : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "logcorr-tests", Guid.NewGuid().ToString("N"));
    private readonly List<SourceFile> _sources = [];
    private EventStore? _store;

    /// <summary>Starts a source file; the events that follow are its lines, on <paramref name="host"/>.</summary>
    public StoreBuilder Source(string name, string host, string format = "test")
    {
        _sources.Add(new SourceFile(name, host, format));
        return this;
    }

    public StoreBuilder Event(string time, EventKind kind, string message,
        int? code = null, string? sqlState = null, string? peer = null, int? spid = null, string? host = null,
        int? port = null, int? count = null, string? extra = null) =>
        Event(Utc.Ms(time), kind, message, code, sqlState, peer, spid, host, port, count, extra);

    /// <summary>An event at a Unix time; <paramref name="host"/> "" means an event without a host.</summary>
    public StoreBuilder Event(long time, EventKind kind, string message,
        int? code = null, string? sqlState = null, string? peer = null, int? spid = null, string? host = null, int? port = null, int? count = null, string? extra = null)
    {
        var source = _sources[^1];
        var e = new LogEvent
        {
            Time = time,
            Kind = kind,
            Code = code,
            SqlState = sqlState,
            Host = host is "" ? null : host ?? source.Host,
            Peer = peer,
            Spid = spid,
            Port = port,
            Count = count,
            Extra = extra,
        };
        source.Add(DateTimeOffset.FromUnixTimeMilliseconds(time).UtcDateTime.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture), message, e);
        return this;
    }

    public StoreBuilder Error(string time, int code, string message = "A transport-level error has occurred when sending the request to the server.") =>
        Event(time, EventKind.Error, message, code: code);

    public StoreBuilder Restart(string time) =>
        Event(time, EventKind.Restart, "Microsoft SQL Server 2019 (RTM-CU22) (KB5027702) - 15.0.4322.2 (X64)");

    public StoreBuilder Kill(string time, int spid, string byHost) =>
        Event(time, EventKind.Kill, $"Process ID {spid} was killed by hostname {byHost}, host process ID 4412.", spid: spid, peer: byHost);

    /// <summary>Writes the files and the store once; later calls return the same open store.</summary>
    public EventStore Build()
    {
        if (_store is not null)
            return _store;
        Directory.CreateDirectory(_folder);
        _store = EventStore.Open(Path.Combine(_folder, EventStore.DefaultFileName));
        foreach (var source in _sources)
            source.WriteTo(_folder, _store);
        return _store;
    }

    public void Dispose()
    {
        _store?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private sealed class SourceFile(string name, string host, string format)
    {
        private readonly StringBuilder _text = new();
        private readonly List<LogEvent> _events = [];
        private long _bytes;

        public string Host { get; } = host;

        public void Add(string time, string message, LogEvent e)
        {
            string prefix = time + " ";
            string line = prefix + message + "\n";
            e.Offset = _bytes;
            e.Length = Encoding.UTF8.GetByteCount(line);
            e.Line = _events.Count + 1;
            e.MessageOffset = Encoding.UTF8.GetByteCount(prefix);
            e.MessageLength = Encoding.UTF8.GetByteCount(message);
            _text.Append(line);
            _bytes += e.Length;
            _events.Add(e);
        }

        public void WriteTo(string folder, EventStore store)
        {
            string path = Path.Combine(folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, _text.ToString(), new UTF8Encoding(false));
            using var writer = store.BeginSource(path, name, format, SourceEncoding.Utf8, _bytes, 0);
            foreach (var e in _events)
            {
                var copy = e;
                writer.Add(ref copy);
            }
            writer.Commit(new SourceClock(null), Host, 0);
        }
    }
}
