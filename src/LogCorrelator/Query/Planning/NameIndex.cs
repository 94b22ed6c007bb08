using LogCorrelator.Store;

namespace LogCorrelator.Query.Planning;

/// <summary>
/// The store's host/peer names and source files, read once per query, so a filter on a name or a
/// file becomes a set of integer ids tested on the decoded rows (and, for files, against block summaries).
/// </summary>
internal sealed class NameIndex
{
    private readonly List<(int Id, string Name)> _names = [];
    private readonly Dictionary<int, string> _sources = [];

    public NameIndex(EventStore store)
    {
        _names.AddRange(store.Names());
        foreach (var source in store.Sources())
            _sources[(int)source.Id] = source.RelativePath.Replace('\\', '/');
    }

    /// <summary>The ids of the names <paramref name="test"/> accepts.</summary>
    public HashSet<int> Names(Func<string, bool> test) => _names.Where(n => test(n.Name)).Select(n => n.Id).ToHashSet();

    /// <summary>The ids of the sources whose relative path (with '/') <paramref name="test"/> accepts.</summary>
    public HashSet<int> Sources(Func<string, bool> test) => _sources.Where(s => test(s.Value)).Select(s => s.Key).ToHashSet();

    /// <summary>A source's path relative to the folder it was ingested from, with '/'.</summary>
    public string? SourcePath(int id) => _sources.GetValueOrDefault(id);
}
