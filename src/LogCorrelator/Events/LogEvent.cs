namespace LogCorrelator.Events;

/// <summary>
/// One normalized log entry as an ingester produces it. A mutable struct, reused by the
/// ingester for every entry, so the hot path allocates nothing per line.
/// </summary>
/// <remarks>
/// The message text is not carried: <see cref="MessageOffset"/> and <see cref="MessageLength"/>
/// locate the one-line message inside the raw entry, which stays in the source file.
/// </remarks>
public struct LogEvent
{
    /// <summary>UTC time in Unix milliseconds.</summary>
    public long Time;
    public EventKind Kind;
    /// <summary>SqlException / Winsock / SQL Server error number.</summary>
    public int? Code;
    /// <summary>ODBC SQLSTATE such as 08S01; an interned string.</summary>
    public string? SqlState;
    public string? Host;
    /// <summary>Client address, killing host or remote endpoint.</summary>
    public string? Peer;
    public int? Spid;
    public int? Port;
    public int? Count;
    /// <summary>Byte offset of the entry in the source file.</summary>
    public long Offset;
    /// <summary>Byte length of the entry, newline included.</summary>
    public int Length;
    /// <summary>1-based line number of the entry's first line.</summary>
    public int Line;
    /// <summary>Byte offset of the one-line message relative to <see cref="Offset"/>.</summary>
    public int MessageOffset;
    public int MessageLength;
    /// <summary>Rare extra attributes as <c>key=value; key=value</c> (kill's host process id, roles...).</summary>
    public string? Extra;

    public void Clear() => this = default;
}
