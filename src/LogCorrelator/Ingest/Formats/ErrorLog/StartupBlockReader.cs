using System.Runtime.InteropServices;
using LogCorrelator.Events;
using LogCorrelator.Ingest.Formats.Common;
using LogCorrelator.Time;

namespace LogCorrelator.Ingest.Formats.ErrorLog;

/// <summary>
/// Follows ERRORLOG's startup block and stamps every event with its UTC time and host.
/// The block names the offset (<c>UTC adjustment</c>) a few lines after the banner and the server
/// (<c>Server name is</c>) some forty lines later, so the block's events wait in a small bounded
/// list until both are known, then leave with the right time and host. A block yields one restart,
/// at its first marker; a block written by sp_cycle_errorlog (<c>The error log has been
/// reinitialized</c>) yields none. A file without a block takes what a sibling taught <see cref="FolderHints"/>.
/// </summary>
internal sealed class StartupBlockReader
{
    /// <summary>Entries held at most while waiting for the offset and the name.</summary>
    public const int MaxPending = 500;

    private readonly IngestContext _context;
    private readonly IEventSink _sink;
    private readonly List<LogEvent> _pending = new(64);
    private bool _blockOpen, _zoneInBlock, _nameInBlock, _fileZone, _hintsApplied;
    private int _blockEntries;
    private int _restartIndex = -1;
    private long _closedAt = long.MinValue / 2;
    private long _lastLocal;

    private const long StartupTailMs = 10 * 60_000L;

    public StartupBlockReader(IngestContext context, IEventSink sink)
    {
        _context = context;
        _sink = sink;
    }

    /// <summary>Takes one classified event whose <see cref="LogEvent.Time"/> is still the local wall clock.</summary>
    public void Add(ref LogEvent e, StartupMarker marker, ReadOnlySpan<char> message)
    {
        long local = e.Time;
        switch (marker)
        {
            case StartupMarker.Banner:
                CloseBlock();
                OpenBlock();
                break;
            case StartupMarker.ProcessId or StartupMarker.LoggingFile when _blockOpen:
                e.Kind = EventKind.Info;
                break;
            // tempdb may start just after "ready": a startup-only line that soon after a block is its tail.
            case StartupMarker.StartupOnly when _blockOpen || e.Time - _closedAt <= StartupTailMs:
                e.Kind = EventKind.Info;
                break;
            case StartupMarker.ProcessId or StartupMarker.LoggingFile or StartupMarker.StartupOnly:
                OpenBlock();
                break;
            case StartupMarker.UtcAdjustment:
                LearnZone(message, e.Line);
                break;
            case StartupMarker.ServerName:
                LearnHost(message);
                break;
            case StartupMarker.Reinitialized when _restartIndex >= 0:
                CollectionsMarshal.AsSpan(_pending)[_restartIndex].Kind = EventKind.Info;
                _restartIndex = -1;
                break;
        }

        if (_pending.Count > 0 || (_blockOpen && !(_zoneInBlock && _nameInBlock)))
        {
            if (e.Kind == EventKind.Restart)
                _restartIndex = _pending.Count;
            _pending.Add(e);
        }
        else
        {
            Emit(ref e);
        }

        // Emit turns e.Time into UTC; the block's end is kept on the local clock its lines are compared on.
        _lastLocal = local;
        if (e.Kind is EventKind.Ready or EventKind.Shutdown || marker == StartupMarker.Reinitialized
            || (_blockOpen && ++_blockEntries >= MaxPending))
            CloseBlock();
        else if ((_zoneInBlock && _nameInBlock) || _pending.Count >= MaxPending)
            Flush();
    }

    /// <summary>At the end of the file: whatever still waits leaves with what is known.</summary>
    public void Finish() => Flush();

    private void OpenBlock()
    {
        _blockOpen = true;
        _blockEntries = 0;
        _zoneInBlock = _nameInBlock = false;
    }

    private void CloseBlock()
    {
        if (_blockOpen)
            _closedAt = _lastLocal;
        _blockOpen = false;
        Flush();
    }

    private void Flush()
    {
        foreach (ref LogEvent e in CollectionsMarshal.AsSpan(_pending))
            Emit(ref e);
        _pending.Clear();
        _restartIndex = -1;
    }

    private void Emit(ref LogEvent e)
    {
        if (!_hintsApplied)
            ApplyHints();
        e.Time = _context.Clock.ToUtc(new LocalStamp(e.Time, null));
        e.Host = _context.ResolveHost(_context.SourceHost);
        _sink.Add(ref e);
    }

    /// <summary>What the file did not say by its first event, a sibling ERRORLOG may have.</summary>
    private void ApplyHints()
    {
        _hintsApplied = true;
        var (host, zone) = _context.Hints.Get(_context.Folder);
        // The server's offset, read from it now, beats a sibling's: that one is from another startup, maybe another season.
        if (!_fileZone && zone is not null && _context.Clock.Origin != OffsetOrigin.Server)
            _context.Clock.SetFromFile(zone);
        if (_context.SourceHost is null && host is not null)
            _context.SourceHost = host;
    }

    // "UTC adjustment: -5:00" is the offset when the server started: a log that runs across a
    // daylight-saving change is an hour off afterwards unless the user names the zone (--tz).
    private void LearnZone(ReadOnlySpan<char> message, int line)
    {
        var text = message["UTC adjustment:".Length..].Trim();
        // East of UTC the sign is left out: "UTC adjustment: 5:30", "UTC adjustment: 0:00".
        string offset = !text.IsEmpty && char.IsAsciiDigit(text[0]) ? "+" + text.ToString() : text.ToString();
        if (!ZoneSpec.TryParse(offset, out ZoneSpec? zone) || zone is null)
        {
            _context.Problems.Report(line, $"unreadable UTC adjustment '{text}': times taken as UTC");
            return;
        }
        _zoneInBlock = true;
        _fileZone = true;
        _context.Clock.SetFromFile(zone);
        _context.Hints.Learn(_context.Folder, null, zone);
    }

    // "Server name is 'SQLPROD01\INST1'.": the machine is the host; the instance stays in the text.
    private void LearnHost(ReadOnlySpan<char> message)
    {
        var s = message["Server name is ".Length..];
        if (!MessageScan.TryQuoted(ref s, '\'', out var name))
            return;
        var machine = HostToken.MachineOfServer(name);
        if (machine.IsEmpty)
            return;
        _nameInBlock = true;
        string host = _context.Names.Intern(machine);
        _context.SourceHost = host;
        _context.Hints.Learn(_context.Folder, host, null);
    }
}
