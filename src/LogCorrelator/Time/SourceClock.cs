namespace LogCorrelator.Time;

/// <summary>
/// Turns a source's local timestamps into UTC. The user's zone wins; then an offset the file
/// states (ERRORLOG's <c>UTC adjustment</c>); then offsets carried in each timestamp; then the server's offset
/// now, when <c>collect</c> read the log through the server; else UTC, marked assumed.
/// </summary>
public sealed class SourceClock
{
    private ZoneSpec? _zone;

    /// <param name="serverZone">The server's offset now, for a log read through it that states none.</param>
    public SourceClock(ZoneSpec? userZone, ZoneSpec? serverZone = null)
    {
        _zone = userZone ?? serverZone;
        Origin = userZone is not null ? OffsetOrigin.User : serverZone is not null ? OffsetOrigin.Server : OffsetOrigin.Assumed;
    }

    public OffsetOrigin Origin { get; private set; }

    /// <summary>
    /// Set when the text carried no time and the ingester took it from elsewhere (a netstat snapshot
    /// timed by <c>--at</c> or the file's last write): shown next to the offset so nobody mistakes it for a logged time.
    /// </summary>
    public string? TimeNote { get; private set; }

    /// <summary>Records where times came from when the text gave none; the first note wins.</summary>
    public void NoteTime(string note) => TimeNote ??= note;

    /// <summary>The zone in force, or null when local times are taken as UTC.</summary>
    public ZoneSpec? Zone => _zone;

    /// <summary>The file states its offset; ignored when the user gave one.</summary>
    public void SetFromFile(ZoneSpec zone)
    {
        if (Origin == OffsetOrigin.User)
            return;
        _zone = zone;
        Origin = OffsetOrigin.File;
    }

    public long ToUtc(LocalStamp stamp)
    {
        if (Origin is OffsetOrigin.User or OffsetOrigin.File)
            return _zone!.ToUtc(stamp.LocalMs);
        if (stamp.OffsetMinutes is int minutes)
        {
            Origin = OffsetOrigin.InText;
            return stamp.LocalMs - minutes * 60_000L;
        }
        return Origin == OffsetOrigin.Server ? _zone!.ToUtc(stamp.LocalMs) : stamp.LocalMs;
    }

    /// <summary>
    /// A time the text states in UTC (a trailing <c>Z</c>: logcorr's own probe and ring buffer files, an ODBC trace
    /// header): no zone moves it, and unless the user named one the source's offset is shown as carried in its timestamps.
    /// </summary>
    public long FromUtc(long utcMs)
    {
        if (Origin != OffsetOrigin.User)
            Origin = OffsetOrigin.InText;
        return utcMs;
    }

    /// <summary>For <c>logcorr sources</c>: the offset and where it came from.</summary>
    public string Describe() => OffsetText.Of(Origin, _zone?.Text, TimeNote);
}
