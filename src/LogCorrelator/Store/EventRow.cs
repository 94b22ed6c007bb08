using System.Runtime.InteropServices;
using LogCorrelator.Store.Native;

namespace LogCorrelator.Store;

/// <summary>One event as the insert binds it: numbers only, <see cref="None"/> for NULL.</summary>
[StructLayout(LayoutKind.Auto)]
internal struct EventRow
{
    public const long None = long.MinValue;

    /// <summary>Columns bound per row, in <see cref="InsertColumns"/> order; the rowid is SQLite's to number.</summary>
    public const int Columns = 9;

    public const string InsertColumns = "t, kind, code, host, off, len, msg, line, spid";

    public long Time;
    public long Kind;
    public long Code;
    public long Host;
    public long Offset;
    public long Length;
    public long Message;
    public long Line;
    public long Spid;

    /// <summary>
    /// Binds the row to parameters <paramref name="first"/>.. of <paramref name="insert"/>. SQLite keeps
    /// bindings across executions and code and spid are NULL row after row, so a NULL already bound
    /// in that place (a bit of <paramref name="nulls"/>) is not bound again.
    /// </summary>
    public readonly void BindTo(RawStatement insert, int first, ref int nulls)
    {
        insert.Bind(first, Time);
        insert.Bind(first + 1, Kind);
        Bind(insert, first + 2, Code, 1, ref nulls);
        Bind(insert, first + 3, Host, 2, ref nulls);
        insert.Bind(first + 4, Offset);
        insert.Bind(first + 5, Length);
        insert.Bind(first + 6, Message);
        insert.Bind(first + 7, Line);
        Bind(insert, first + 8, Spid, 4, ref nulls);
    }

    private static void Bind(RawStatement insert, int index, long value, int bit, ref int nulls)
    {
        if (value != None)
        {
            insert.Bind(index, value);
            nulls &= ~bit;
        }
        else if ((nulls & bit) == 0)
        {
            insert.BindNull(index);
            nulls |= bit;
        }
    }
}
