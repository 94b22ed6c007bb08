namespace LogCorrelator.Store;

/// <summary>
/// Files the tool writes beside the store that hold log text or a key (extracted archive entries, the
/// anonymization key): readable by their owner only, 0600 for files and 0700 for folders, whatever the
/// umask. Logs carry secrets the redactor may not know yet; a shared server must not show them to all.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates the folder and its missing parents as 0700; an existing folder is narrowed to 0700.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        // Directory.CreateDirectory gives its mode to the last folder only: the parents are made one by one.
        if (!Directory.Exists(path) && Path.GetDirectoryName(path) is { } parent && !Directory.Exists(parent))
            CreateFolder(parent);
        Directory.CreateDirectory(path, FolderMode);
        File.SetUnixFileMode(path, FolderMode);
    }

    /// <summary>Opens a file for writing that is created 0600 (an existing one is narrowed to 0600).</summary>
    public static FileStream Create(string path, FileMode mode = System.IO.FileMode.Create, int bufferSize = 4096)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None, BufferSize = bufferSize };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = FileMode;
        var stream = new FileStream(path, options);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(stream.SafeFileHandle, FileMode);
        return stream;
    }
}
