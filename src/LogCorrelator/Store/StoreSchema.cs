namespace LogCorrelator.Store;

/// <summary>
/// The store's tables. Event rows are lean on purpose: numbers and interned ids only; the text
/// stays in the source file and is read by offset (sources.path + events.off/len). Measured per
/// event on a generated 1 GB incident: about 38 bytes on disk, index entries included.
/// </summary>
/// <remarks>
/// <para>events.rowid is <c>source × 2^32 + n</c> (<see cref="EventIds"/>). <c>msg</c> packs the message's
/// offset and length (<see cref="MessageSpan"/>). The attributes few events have (SQLSTATE, peer, port,
/// count, extra) live in <c>event_attrs</c>, keyed by the event's rowid: every column of a row costs a
/// header byte and SQLite work on every insert, and these are NULL on ~99% of rows. The <c>event_rows</c>
/// view puts it all back together, for people using the sqlite3 shell.</para>
/// <para>The kind index holds only the kinds queries ask for (everything but info, which is ~99%
/// of a log); a query must say <c>kind &lt;&gt; 0</c> for SQLite to use it.</para>
/// </remarks>
internal static class StoreSchema
{
    public const int Version = 2;

    public const string Create = """
        PRAGMA journal_mode = DELETE;
        PRAGMA synchronous = NORMAL;
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS sources (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL UNIQUE,
            relpath TEXT NOT NULL,
            format TEXT NOT NULL,
            encoding INTEGER NOT NULL,
            size INTEGER NOT NULL,
            mtime INTEGER NOT NULL,
            hash TEXT NOT NULL,
            offset_origin INTEGER NOT NULL,
            zone TEXT,
            host TEXT,
            events INTEGER NOT NULL,
            problems INTEGER NOT NULL,
            first_t INTEGER,
            last_t INTEGER,
            time_note TEXT);
        CREATE TABLE IF NOT EXISTS names (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
        CREATE TABLE IF NOT EXISTS events (
            t INTEGER NOT NULL,
            kind INTEGER NOT NULL,
            code INTEGER,
            host INTEGER,
            off INTEGER NOT NULL,
            len INTEGER NOT NULL,
            msg INTEGER NOT NULL,
            line INTEGER NOT NULL,
            spid INTEGER);
        CREATE TABLE IF NOT EXISTS event_attrs (
            id INTEGER PRIMARY KEY,
            sqlstate TEXT,
            peer INTEGER,
            port INTEGER,
            count INTEGER,
            extra TEXT);
        CREATE INDEX IF NOT EXISTS events_kind_t ON events (kind, t) WHERE kind <> 0;
        CREATE INDEX IF NOT EXISTS events_code_t ON events (code, t) WHERE code IS NOT NULL;
        CREATE INDEX IF NOT EXISTS event_attrs_sqlstate ON event_attrs (sqlstate) WHERE sqlstate IS NOT NULL;
        CREATE VIEW IF NOT EXISTS event_rows AS
            SELECT e.rowid AS id, e.rowid >> 32 AS src, e.line, e.t, e.kind, e.code, a.sqlstate, e.host, a.peer, e.spid,
                a.port, a.count, e.off, e.len,
                CASE WHEN e.msg >= 0 THEN e.off + (e.msg & 4095) ELSE e.off + ((-1 - e.msg) & 4294967295) END AS msg_off,
                CASE WHEN e.msg >= 0 THEN e.len - (e.msg & 4095) - (e.msg >> 12) ELSE (-1 - e.msg) >> 32 END AS msg_len,
                a.extra
            FROM events e LEFT JOIN event_attrs a ON a.id = e.rowid;
        """;

    /// <summary>
    /// What queries read: every event with its attributes back in place, its id, source and absolute
    /// message span (<c>msg_off</c>, <c>msg_len</c>) unpacked. SQLite flattens the view, so filters on
    /// t, kind and code still reach the indexes, and the attribute join is left out when unused.
    /// </summary>
    public const string ReadView = "event_rows";

    /// <summary>The term that lets SQLite use the partial (kind, t) index; say it with any kind filter that excludes info.</summary>
    public const string IndexedKinds = "kind <> 0";

    /// <summary>Columns added after a store may have been created; each is added when missing.</summary>
    public static readonly (string Table, string Column, string Type)[] AddedColumns =
    [
        ("sources", "time_note", "TEXT"),
    ];
}
