namespace LogCorrelator.Ingest.Walking;

/// <summary>
/// The files the paths given to <c>logcorr ingest</c> stand for: a file itself, or every file under a
/// folder, in name order. Links are followed, but each file and folder is read once: a second path to
/// one (a hard link, a <c>current -&gt; logs</c> link, the same file given twice) is left out and said,
/// and a link to a folder above it (a loop) is not followed. One walker per run, so that holds across paths.
/// </summary>
internal sealed class SourceWalker
{
    private static readonly EnumerationOptions OneLevel = new()
    {
        RecurseSubdirectories = false,
        // An unreadable folder is reported (below), not passed over in silence.
        IgnoreInaccessible = false,
        AttributesToSkip = FileAttributes.None,
    };

    private readonly Func<string, bool> _skip;

    /// <summary>Every file handed out this run, with the path given and the path below it it was shown as.</summary>
    private readonly Dictionary<FileIdentity, (string Given, string Rel)> _files = [];

    /// <param name="skip">Files never read (the store's own), by full path.</param>
    public SourceWalker(Func<string, bool> skip) => _skip = skip;

    public IEnumerable<WalkedSource> Expand(string path)
    {
        if (Directory.Exists(path))
            return new TreeWalk(this, path).Run();
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
            return [new WalkedSource(new SourceFile(full, path, path), null)];
        string name = Path.GetFileName(full);
        return [Claim(path, new SourceFile(full, name, name), "")];
    }

    /// <summary>The file, unless another path to it was handed out already.</summary>
    private WalkedSource Claim(string given, SourceFile source, string rel)
    {
        var identity = FileIdentity.Of(source.Path);
        if (_files.TryGetValue(identity, out var first))
        {
            string shown = first.Given == given ? first.Rel : first.Rel.Length == 0 ? first.Given : $"{first.Given.TrimEnd('/')}/{first.Rel}";
            return new WalkedSource(source, $"same file as {shown} (read once)");
        }
        _files[identity] = (given, rel);
        return new WalkedSource(source, null);
    }

    /// <summary>One folder given: its own tree first, then the folder links in it, each folder once.</summary>
    private sealed class TreeWalk(SourceWalker walker, string given)
    {
        private readonly Dictionary<FileIdentity, string> _folders = [];
        private readonly List<(string Path, string Rel, bool ViaLink)> _files = [];
        private readonly List<(string Path, string Rel)> _links = [];
        private readonly List<WalkedSource> _leftOut = [];

        public List<WalkedSource> Run()
        {
            string root = Path.GetFullPath(given);
            _folders[FileIdentity.Of(root)] = "";
            Walk(root, "", viaLink: false);
            // Links after the real tree, so a folder's own path wins over a link to it; then in name order.
            while (_links.Count > 0)
            {
                var link = _links.MinBy(l => l.Rel, StringComparer.Ordinal);
                _links.Remove(link);
                if (Enter(link.Path, link.Rel))
                    Walk(link.Path, link.Rel, viaLink: true);
            }
            var result = new List<WalkedSource>(_leftOut);
            // A file reached both directly and through a link is read by its direct path.
            foreach (var (path, rel, _) in _files.OrderBy(f => f.ViaLink).ThenBy(f => f.Rel, StringComparer.Ordinal))
                result.Add(walker.Claim(given, new SourceFile(path, rel, rel), rel));
            result.Sort((a, b) => string.CompareOrdinal(a.Source.RelativePath, b.Source.RelativePath));
            return result;
        }

        private void Walk(string folder, string rel, bool viaLink)
        {
            List<FileSystemInfo> entries;
            try
            {
                entries = [.. new DirectoryInfo(folder).EnumerateFileSystemInfos("*", OneLevel)];
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _leftOut.Add(new WalkedSource(new SourceFile(folder, rel, rel), $"folder not readable ({e.Message})"));
                return;
            }
            foreach (var entry in entries)
            {
                string entryRel = rel.Length == 0 ? entry.Name : $"{rel}/{entry.Name}";
                bool isLink = entry.LinkTarget is not null;
                if (isLink && Directory.Exists(entry.FullName))
                    _links.Add((entry.FullName, entryRel));
                else if (entry is DirectoryInfo && Enter(entry.FullName, entryRel))
                    Walk(entry.FullName, entryRel, viaLink);
                else if (entry is not DirectoryInfo && !walker._skip(entry.FullName))
                    _files.Add((entry.FullName, entryRel, viaLink || isLink));
            }
        }

        /// <summary>True the first time a folder is reached; a second path to it is left out and said.</summary>
        private bool Enter(string path, string rel)
        {
            var identity = FileIdentity.Of(path);
            if (_folders.TryAdd(identity, rel))
                return true;
            string first = _folders[identity];
            string why = first.Length == 0 || rel.StartsWith(first + "/", StringComparison.Ordinal)
                ? $"a link to a folder that holds it ({(first.Length == 0 ? "the folder given" : first)}): a loop, not followed"
                : $"same folder as {first} (read once)";
            _leftOut.Add(new WalkedSource(new SourceFile(path, rel, rel), why));
            return false;
        }
    }
}
