using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LogCorrelator.Store.Native;

/// <summary>
/// The few SQLite entry points the hot loops call, bound straight to the e_sqlite3 library that
/// SQLitePCLRaw loads. Through SQLitePCLRaw every call takes a SafeHandle round trip and binds
/// through an interface; measured here that was ~40 ns per bound value, more than SQLite's own
/// work per column. Binds and column reads neither block nor call back, so they also skip the
/// GC transition; step and reset do real work (I/O, locks) and keep it.
/// </summary>
internal static partial class SqliteNative
{
    private const string Library = "e_sqlite3";

    public const int Row = 100;
    public const int Done = 101;
    public const int NullType = 5;

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_int64")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int BindInt64(nint stmt, int index, long value);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_null")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int BindNull(nint stmt, int index);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_int64")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial long ColumnInt64(nint stmt, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_type")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int ColumnType(nint stmt, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_step")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Step(nint stmt);

    [LibraryImport(Library, EntryPoint = "sqlite3_reset")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Reset(nint stmt);
}
