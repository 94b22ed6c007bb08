using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// Which errors belong to the incident: with paths, the time span of the files ingested from them
/// (a store kept across incidents then still answers for this one); without, the whole store.
/// </summary>
internal readonly record struct IncidentScope(long? From, long? To, bool Empty)
{
    public static IncidentScope All { get; } = new(null, null, false);

    public static IncidentScope Of(EventStore store, IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
            return All;
        var roots = paths.Select(p => Path.GetFullPath(p).TrimEnd(Path.DirectorySeparatorChar)).ToList();
        long? from = null, to = null;
        foreach (var source in store.Sources())
        {
            if (source.First is not { } first || source.Last is not { } last || !roots.Any(r => Under(source.Path, r)))
                continue;
            long f = first.ToUnixTimeMilliseconds(), l = last.ToUnixTimeMilliseconds();
            from = from is null ? f : Math.Min(from.Value, f);
            to = to is null ? l : Math.Max(to.Value, l);
        }
        return from is null ? new IncidentScope(null, null, true) : new IncidentScope(from, to, false);
    }

    private static bool Under(string path, string root) =>
        path == root || (path.StartsWith(root, StringComparison.Ordinal) && path[root.Length] == Path.DirectorySeparatorChar);
}
