using System.Globalization;
using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>
/// Counts one netstat/ss snapshot's sockets by (state, remote endpoint) and by state, then writes
/// them as events: one per group (peer, remote port, count) and one per state for the whole snapshot.
/// TIME_WAIT sockets become <see cref="EventKind.TimeWait"/> events (port exhaustion shows as
/// thousands towards :1433); the other connection states are <see cref="EventKind.Info"/>, so a
/// <c>timewait where count &gt;= 3900</c> never counts established connections.
/// </summary>
internal sealed class SocketSnapshot
{
    private readonly List<SocketGroup> _groups = [];
    private readonly Dictionary<string, SocketGroup> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SocketGroup>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<(string State, int Count, int Remotes)> _states = [];
    private readonly IngestContext _context;
    private readonly SourceEncoding _encoding;

    public SocketSnapshot(IngestContext context, SourceEncoding encoding)
    {
        _context = context;
        _encoding = encoding;
        _lookup = _byKey.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool IsEmpty => _groups.Count == 0;
    public bool Started { get; private set; }
    /// <summary>The snapshot's first line number.</summary>
    public int Line => _line;
    /// <summary>The snapshot's time: its date line's, or null until the fallback is asked for.</summary>
    public long? Time { get; set; }

    // The snapshot's first line (its date line or header): the per-state events point there,
    // spanning the whole snapshot so its raw text is the listing.
    private long _offset;
    private long _end;
    private int _line;
    private int _textLength;

    public void Start(in Line line)
    {
        Started = true;
        _offset = line.Offset;
        _line = line.Number;
        _textLength = TextBytes.Count(line.Text, _encoding);
        Extend(line);
    }

    public void Extend(in Line line) => _end = line.Offset + line.Length;

    public void Add(in SocketLine socket, in Line line)
    {
        if (!Started)
            Start(line);
        Extend(line);
        Span<char> key = stackalloc char[Endpoint.MaxLength + 16];
        socket.State.CopyTo(key);
        key[socket.State.Length] = ' ';
        int peerLength = Endpoint.Format(socket.RemoteAddress, socket.RemotePort, key[(socket.State.Length + 1)..]);
        key = key[..(socket.State.Length + 1 + peerLength)];
        if (!_lookup.TryGetValue(key, out var group))
        {
            var peer = _context.Names.Intern(key[(socket.State.Length + 1)..]);
            group = new SocketGroup(socket.State, peer, socket.RemotePort, _context.Names.Intern(socket.LocalAddress), socket.LocalPort,
                line.Offset, line.Length, line.Number, TextBytes.Count(line.Text, _encoding));
            _byKey[key.ToString()] = group;
            _groups.Add(group);
        }
        else if (!group.ManyLocals && !socket.LocalAddress.SequenceEqual(group.LocalAddress))
        {
            group.ManyLocals = true;
        }
        group.Count++;
        group.LowPort = Math.Min(group.LowPort, socket.LocalPort);
        group.HighPort = Math.Max(group.HighPort, socket.LocalPort);
    }

    /// <summary>Writes the snapshot's events at <paramref name="time"/> and forgets it.</summary>
    public void Flush(long time, IEventSink sink)
    {
        string? host = _context.ResolveHost(null);
        var e = new LogEvent();
        foreach (var g in _groups)
        {
            e.Clear();
            e.Time = time;
            e.Kind = g.State == TcpState.TimeWait ? EventKind.TimeWait : EventKind.Info;
            e.Host = host;
            e.Peer = g.Peer;
            e.Port = g.Port;
            e.Count = g.Count;
            e.Offset = g.Offset;
            e.Length = g.Length;
            e.Line = g.Line;
            e.MessageLength = g.TextLength;
            string ports = g.LowPort == g.HighPort
                ? g.LowPort.ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{g.LowPort}-{g.HighPort}");
            e.Extra = $"state={g.State}; local={g.LocalAddress}{(g.ManyLocals ? ",..." : "")}; ports={ports}";
            sink.Add(ref e);
            Tally(g);
        }
        foreach (var (state, count, remotes) in _states)
        {
            e.Clear();
            e.Time = time;
            e.Kind = state == TcpState.TimeWait ? EventKind.TimeWait : EventKind.Info;
            e.Host = host;
            e.Count = count;
            e.Offset = _offset;
            e.Length = (int)Math.Min(int.MaxValue, _end - _offset);
            e.Line = _line;
            e.MessageLength = _textLength;
            e.Extra = string.Create(CultureInfo.InvariantCulture, $"state={state}; summary=1; remotes={remotes}");
            sink.Add(ref e);
        }
        Reset();
    }

    private void Tally(SocketGroup g)
    {
        int i = _states.FindIndex(s => ReferenceEquals(s.State, g.State));
        if (i < 0)
            _states.Add((g.State, g.Count, 1));
        else
            _states[i] = (g.State, _states[i].Count + g.Count, _states[i].Remotes + 1);
    }

    public void Reset()
    {
        _groups.Clear();
        _byKey.Clear();
        _states.Clear();
        Started = false;
        Time = null;
    }
}
