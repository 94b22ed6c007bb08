namespace LogCorrelator.Ingest.Walking;

/// <summary>
/// What makes two paths one file: its device and inode where the system says them (Linux), else its
/// path with every link resolved (where hard links then look like two files).
/// </summary>
internal readonly record struct FileIdentity(ulong Device, ulong Inode, string? RealPath)
{
    /// <summary>The identity of what <paramref name="path"/> leads to, links followed.</summary>
    public static FileIdentity Of(string path)
    {
        if (LinuxStat.TryGet(path, out ulong device, out ulong inode))
            return new FileIdentity(device, inode, null);
        string full = Path.GetFullPath(path);
        try
        {
            var target = File.ResolveLinkTarget(full, returnFinalTarget: true) ?? Directory.ResolveLinkTarget(full, returnFinalTarget: true);
            return new FileIdentity(0, 0, target?.FullName ?? full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileIdentity(0, 0, full);
        }
    }
}
