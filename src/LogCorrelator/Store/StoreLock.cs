namespace LogCorrelator.Store;

/// <summary>
/// Who may use a store: one writer alone, or any number of readers. LiteDB's own direct mode takes
/// only a shared lock on Linux, so two writers could open one file and lose writes (LiteDB issue
/// 2163); this lock file (<c>STORE.lock</c>) is held for the store's lifetime: exclusively by an
/// ingest, shared by queries and the TUI. .NET turns FileShare.None/Read into flock LOCK_EX/LOCK_SH,
/// and the kernel drops the lock when a process dies, so a killed ingest never leaves the store locked.
/// </summary>
internal sealed class StoreLock : IDisposable
{
    private readonly FileStream _file;

    private StoreLock(FileStream file) => _file = file;

    public static string PathOf(string store) => store + ".lock";

    /// <summary>Takes the lock, waiting up to <paramref name="wait"/> for the other holders to leave.</summary>
    public static StoreLock Acquire(string store, bool write, TimeSpan wait)
    {
        var until = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                var file = new FileStream(PathOf(store), FileMode.OpenOrCreate, FileAccess.ReadWrite,
                    write ? FileShare.None : FileShare.ReadWrite, 1, FileOptions.None);
                return new StoreLock(file);
            }
            catch (IOException) when (DateTime.UtcNow < until)
            {
                Thread.Sleep(100);
            }
            catch (IOException e) when (File.Exists(PathOf(store)))
            {
                throw new StoreException(write
                    ? $"'{store}' is in use by another logcorr (an ingest, a query or the TUI): run this again when it has finished"
                    : $"an ingest is writing '{store}': run this again when it has finished", e);
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
