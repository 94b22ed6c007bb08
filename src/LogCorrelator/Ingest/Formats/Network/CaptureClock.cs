using LogCorrelator.Time;

namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>
/// Turns the partial times of capture text into UTC. Dates and Unix seconds stand alone; relative
/// seconds need the capture start and a time of day needs a date. Both come from a header line
/// (capinfos' <c>First packet time:</c>, or a script's <c>date</c>), else <c>--at</c>, else the file's
/// last write time, noted on the source.
/// </summary>
internal sealed class CaptureClock
{
    private const long MsPerDay = 86_400_000L;
    private const long HalfDay = MsPerDay / 2;

    private readonly IngestContext _context;
    private readonly SnapshotClock _start;
    private readonly SnapshotClock _date;
    private long? _startUtc;
    private long? _day;
    private bool _askedStart, _askedDate;
    private long _lastTimeOfDay = -1;
    private long _carry;

    public CaptureClock(IngestContext context)
    {
        _context = context;
        _start = new SnapshotClock(context, "capture start");
        _date = new SnapshotClock(context, "capture date");
    }

    /// <summary>A header line giving the capture's start: capinfos' first packet time or a date line.</summary>
    public bool TryHeader(ReadOnlySpan<char> line)
    {
        var t = line.Trim();
        LocalStamp stamp;
        if (t.StartsWith("First packet time:", StringComparison.Ordinal) || t.StartsWith("Earliest packet time:", StringComparison.Ordinal))
        {
            var value = t[(t.IndexOf(':') + 1)..].Trim();
            if (!TimestampParser.TryParse(value, out stamp, out _) && !DateLine.TryParse(value, out stamp))
                return false;
        }
        else if (!DateLine.TryParse(t, out stamp))
        {
            return false;
        }
        _startUtc = _context.Clock.ToUtc(stamp);
        _day = Math.DivRem(stamp.LocalMs, MsPerDay, out long rem) - (rem < 0 ? 1 : 0);
        _lastTimeOfDay = -1;
        _carry = 0;
        return true;
    }

    /// <summary>The packet's UTC time; false when the file and the user give nothing to complete it.</summary>
    public bool TryResolve(in PacketLine packet, out long utcMs)
    {
        utcMs = 0;
        switch (packet.TimeKind)
        {
            case PacketTimeKind.Absolute:
                utcMs = _context.Clock.ToUtc(packet.Stamp);
                return true;
            case PacketTimeKind.Epoch:
                utcMs = packet.Ms;
                return true;
            case PacketTimeKind.Relative:
                if (_startUtc is null && !_askedStart)
                {
                    _askedStart = true;
                    _startUtc = _start.Fallback();
                }
                if (_startUtc is not long start)
                    return false;
                utcMs = start + packet.Ms;
                return true;
            case PacketTimeKind.TimeOfDay:
                if (_day is null && !_askedDate)
                {
                    _askedDate = true;
                    if (_date.Fallback() is long fallback)
                        _day = fallback / MsPerDay;
                }
                if (_day is not long day)
                    return false;
                // Past midnight the time of day starts again: a big step back is the next day.
                if (_lastTimeOfDay >= 0 && packet.Ms < _lastTimeOfDay - HalfDay)
                    _carry++;
                _lastTimeOfDay = packet.Ms;
                utcMs = _context.Clock.ToUtc(new LocalStamp((day + _carry) * MsPerDay + packet.Ms, null));
                return true;
            default:
                return false;
        }
    }

    public string Missing(PacketTimeKind kind) => kind == PacketTimeKind.Relative ? _start.Missing : _date.Missing;
}
