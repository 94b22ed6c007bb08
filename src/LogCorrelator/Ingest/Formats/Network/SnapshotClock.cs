using LogCorrelator.Time;

namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>
/// Times a source whose lines carry none (netstat, netsh) or only part of one (tshark's relative
/// seconds, tcpdump's time of day): a date line in the file, else the user's <c>--at</c>, else the
/// file's last write time. The last two are noted on the source's clock, so <c>logcorr sources</c>
/// shows which time was used and that the mtime one is a guess.
/// </summary>
internal sealed class SnapshotClock
{
    private readonly IngestContext _context;
    private readonly string _what;

    /// <param name="what">What the time stands for in the note: "snapshot time", "capture start", "capture date".</param>
    public SnapshotClock(IngestContext context, string what)
    {
        _context = context;
        _what = what;
    }

    /// <summary>A line that is only a date (a script's <c>date</c> before each snapshot), as UTC.</summary>
    public bool TryDateLine(ReadOnlySpan<char> line, out long utcMs, out LocalStamp stamp)
    {
        utcMs = 0;
        if (!DateLine.TryParse(line, out stamp))
            return false;
        utcMs = _context.Clock.ToUtc(stamp);
        return true;
    }

    /// <summary>The time of last resort, noted on the source's clock; null when there is none at all.</summary>
    public long? Fallback()
    {
        if (_context.At is { } at)
        {
            _context.Clock.NoteTime($"{_what} from --at");
            return at.ToUnixTimeMilliseconds();
        }
        if (_context.Modified is { } modified)
        {
            _context.Clock.NoteTime($"{_what} from file mtime (assumed)");
            return modified.ToUnixTimeMilliseconds();
        }
        return null;
    }

    /// <summary>What a problem report says when a snapshot has no time at all.</summary>
    public string Missing => $"no {_what}: the file has no date line; give --at";
}
