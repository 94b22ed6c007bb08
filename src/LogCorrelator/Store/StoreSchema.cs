namespace LogCorrelator.Store;

/// <summary>
/// The store's tables. Event rows are lean on purpose: numbers and interned ids only; the text
/// stays in the source file and is read by offset (sources.path + events.off/len).
/// </summary>
internal static class StoreSchema
{
    public const int Version = 1;

    public const string Create = """
        PRAGMA journal_mode = WAL;
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
            sqlstate TEXT,
            host INTEGER,
            peer INTEGER,
            spid INTEGER,
            port INTEGER,
            count INTEGER,
            src INTEGER NOT NULL,
            off INTEGER NOT NULL,
            len INTEGER NOT NULL,
            line INTEGER NOT NULL,
            moff INTEGER NOT NULL,
            mlen INTEGER NOT NULL,
            extra TEXT);
        CREATE INDEX IF NOT EXISTS events_kind_t ON events (kind, t);
        CREATE INDEX IF NOT EXISTS events_code_t ON events (code, t) WHERE code IS NOT NULL;
        CREATE INDEX IF NOT EXISTS events_src ON events (src);
        """;

    /// <summary>Columns added after a store may have been created; each is added when missing.</summary>
    public static readonly (string Table, string Column, string Type)[] AddedColumns =
    [
        ("sources", "time_note", "TEXT"),
    ];
}
