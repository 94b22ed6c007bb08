using System.Runtime.InteropServices;

namespace LogCorrelator.Store;

/// <summary>One event as the insert binds it: numbers only, <see cref="None"/> for NULL.</summary>
[StructLayout(LayoutKind.Auto)]
internal struct EventRow
{
    public const long None = long.MinValue;

    public long Id;
    public long Time;
    public long Kind;
    public long Code;
    public long Host;
    public long Offset;
    public long Length;
    public long Message;
    public long Line;
    public long Spid;
    public long Peer;
    public string? SqlState;
    public long Port;
    public long Count;
    public string? Extra;

    /// <summary>Columns bound per row, rowid included, in <see cref="InsertColumns"/> order.</summary>
    public const int Columns = 15;

    public const string InsertColumns = "rowid, t, kind, code, host, off, len, msg, line, spid, peer, sqlstate, port, count, extra";

    public readonly void BindTo(Native.RawStatement insert, int first)
    {
        insert.Bind(first, Id);
        insert.Bind(first + 1, Time);
        insert.Bind(first + 2, Kind);
        insert.Bind(first + 3, Code, None);
        insert.Bind(first + 4, Host, None);
        insert.Bind(first + 5, Offset);
        insert.Bind(first + 6, Length);
        insert.Bind(first + 7, Message);
        insert.Bind(first + 8, Line, None);
        insert.Bind(first + 9, Spid, None);
        insert.Bind(first + 10, Peer, None);
        insert.Bind(first + 11, SqlState);
        insert.Bind(first + 12, Port, None);
        insert.Bind(first + 13, Count, None);
        insert.Bind(first + 14, Extra);
    }
}
