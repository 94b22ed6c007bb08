namespace LogCorrelator.Time;

/// <summary>Where a source's offset to UTC came from; persisted, so append only.</summary>
public enum OffsetOrigin : byte
{
    /// <summary>Nothing said: local times were taken as UTC.</summary>
    Assumed = 0,
    /// <summary>The file said, e.g. ERRORLOG's <c>UTC adjustment: -5:00</c>.</summary>
    File = 1,
    /// <summary>The user's <c>--tz</c>.</summary>
    User = 2,
    /// <summary>Every timestamp carries its own offset (ISO 8601 with Z or ±hh:mm).</summary>
    InText = 3,
    /// <summary>
    /// The server's offset now (<c>collect</c>: <c>SYSDATETIMEOFFSET()</c>), for a log that states none: an archive
    /// from before a daylight-saving change may be an hour off.
    /// </summary>
    Server = 4,
}
