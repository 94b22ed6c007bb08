namespace LogCorrelator.Query.Saved;

/// <summary>
/// The saved queries a run can see: the built-in files, then the user's own file. Names are
/// case-insensitive; a user query may not reuse a built-in name, so <c>@name</c> always means one thing.
/// </summary>
public sealed class QueryLibrary
{
    private readonly Dictionary<string, SavedQuery> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<SavedQuery> _all = [];
    private readonly List<string> _problems = [];

    public static QueryLibrary Empty { get; } = new();

    /// <summary>Every query, built-ins first, each file in its own order.</summary>
    public IReadOnlyList<SavedQuery> All => _all;

    /// <summary>Lines of the files that were not queries, and names defined twice: shown as warnings.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Loads every <c>*.lcq</c> of <paramref name="builtInFolder"/> (when it exists), then <paramref name="userFile"/> (when it exists).</summary>
    public static QueryLibrary Load(string? builtInFolder, string? userFile)
    {
        var library = new QueryLibrary();
        if (builtInFolder is not null && Directory.Exists(builtInFolder))
        {
            foreach (string file in Directory.GetFiles(builtInFolder, "*.lcq").Order(StringComparer.Ordinal))
                library.AddFile(file, builtIn: true);
        }
        if (userFile is not null && File.Exists(userFile))
            library.AddFile(userFile, builtIn: false);
        return library;
    }

    /// <summary>Adds the queries of one file's text (tests and the CLI's <c>save</c> use it directly).</summary>
    public void AddText(string text, string origin, bool builtIn)
    {
        var problems = new List<string>();
        foreach (var query in SavedQueryFile.Parse(text, origin, builtIn, problems))
        {
            if (_byName.TryGetValue(query.Name, out var earlier))
            {
                _problems.Add($"{origin}:{query.Line}: '{query.Name}' is already defined in {earlier.Origin}:{earlier.Line}; that one is kept");
                continue;
            }
            _byName[query.Name] = query;
            _all.Add(query);
        }
        _problems.AddRange(problems);
    }

    public SavedQuery? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The saved name closest to a mistyped one, if close enough to be a typo.</summary>
    public string? Suggest(string name) => Syntax.SyntaxErrors.Nearest(name, _all.Select(q => q.Name));

    private void AddFile(string path, bool builtIn) => AddText(File.ReadAllText(path), path, builtIn);
}
