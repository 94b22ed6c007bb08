namespace LogCorrelator.Ingest;

/// <summary>The files a path given to <c>logcorr ingest</c> stands for: itself, or every file under a folder, in name order.</summary>
internal static class SourceWalker
{
    private static readonly EnumerationOptions Recursive = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        AttributesToSkip = FileAttributes.None,
    };

    public static IEnumerable<SourceFile> Expand(string path, Func<string, bool> skip)
    {
        if (Directory.Exists(path))
        {
            string root = Path.GetFullPath(path);
            var files = Directory.EnumerateFiles(root, "*", Recursive)
                .Where(f => !skip(f))
                .OrderBy(f => f, StringComparer.Ordinal);
            foreach (var f in files)
            {
                string rel = Path.GetRelativePath(root, f).Replace('\\', '/');
                yield return new SourceFile(f, rel, rel);
            }
        }
        else
        {
            string full = Path.GetFullPath(path);
            string name = Path.GetFileName(full);
            yield return new SourceFile(full, name, name);
        }
    }
}
