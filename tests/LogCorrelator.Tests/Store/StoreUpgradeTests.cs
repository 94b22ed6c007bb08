using LogCorrelator.Store;
using LogCorrelator.Tests.Support;
using Microsoft.Data.Sqlite;

namespace LogCorrelator.Tests.Store;

public sealed class StoreUpgradeTests
{
    [Fact]
    public void A_store_made_before_time_notes_existed_opens_and_gains_the_column()
    {
        using var dir = new TempFolder();
        string path = dir.Combine("old.lcdb");
        using (var db = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = """
                CREATE TABLE sources (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, relpath TEXT NOT NULL, format TEXT NOT NULL,
                    encoding INTEGER NOT NULL, size INTEGER NOT NULL, mtime INTEGER NOT NULL, hash TEXT NOT NULL, offset_origin INTEGER NOT NULL,
                    zone TEXT, host TEXT, events INTEGER NOT NULL, problems INTEGER NOT NULL, first_t INTEGER, last_t INTEGER);
                INSERT INTO sources VALUES (1, '/x/ERRORLOG', 'ERRORLOG', 'errorlog', 1, 10, 0, 'h', 1, '-05:00', 'SQL01', 3, 0, 0, 0);
                """;
            cmd.ExecuteNonQuery();
        }

        using var store = EventStore.Open(path);

        var source = Assert.Single(store.Sources());
        Assert.Equal(("-05:00 (from file)", (string?)null), (source.OffsetText, source.TimeNote));
    }
}
