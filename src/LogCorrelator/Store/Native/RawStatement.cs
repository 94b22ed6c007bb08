using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace LogCorrelator.Store.Native;

/// <summary>
/// A prepared statement driven through <see cref="SqliteNative"/>: no boxing, no parameter
/// objects, one native call per value. For the store's bulk paths only (insert, range loads);
/// everything else goes through Microsoft.Data.Sqlite. Parameters are 1-based, columns 0-based.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private readonly nint _handle;
    private bool _referenced;

    public RawStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle!;
        int rc = raw.sqlite3_prepare_v2(_db, sql, out _stmt);
        if (rc != raw.SQLITE_OK)
            throw Error(rc);
        // Held for the statement's life, so the raw handle below cannot be released under us.
        _stmt.DangerousAddRef(ref _referenced);
        _handle = _stmt.DangerousGetHandle();
    }

    public void Bind(int index, long value) => SqliteNative.BindInt64(_handle, index, value);

    public void BindNull(int index) => SqliteNative.BindNull(_handle, index);

    /// <summary>Binds <paramref name="value"/>, or NULL when it is <paramref name="none"/>.</summary>
    public void Bind(int index, long value, long none)
    {
        if (value == none)
            SqliteNative.BindNull(_handle, index);
        else
            SqliteNative.BindInt64(_handle, index, value);
    }

    public void Bind(int index, string? value)
    {
        if (value is null)
            SqliteNative.BindNull(_handle, index);
        else
            raw.sqlite3_bind_text(_stmt, index, value);
    }

    /// <summary>True while there is a row to read; false when done.</summary>
    public bool Step()
    {
        int rc = SqliteNative.Step(_handle);
        if (rc == SqliteNative.Row)
            return true;
        if (rc == SqliteNative.Done)
            return false;
        throw Error(rc);
    }

    /// <summary>Runs a statement that returns no rows.</summary>
    public void Execute()
    {
        try
        {
            Step();
        }
        finally
        {
            Reset();
        }
    }

    public void Reset() => SqliteNative.Reset(_handle);

    public long Int64(int column) => SqliteNative.ColumnInt64(_handle, column);

    public bool IsNull(int column) => SqliteNative.ColumnType(_handle, column) == SqliteNative.NullType;

    /// <summary>The column's integer, or <paramref name="none"/> when it is NULL.</summary>
    public long Int64(int column, long none) =>
        SqliteNative.ColumnType(_handle, column) == SqliteNative.NullType ? none : SqliteNative.ColumnInt64(_handle, column);

    public string? Text(int column) =>
        IsNull(column) ? null : raw.sqlite3_column_text(_stmt, column).utf8_to_string();

    private SqliteException Error(int rc) => new(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);

    public void Dispose()
    {
        if (_referenced)
        {
            _referenced = false;
            _stmt.DangerousRelease();
        }
        _stmt.Dispose();
    }
}
