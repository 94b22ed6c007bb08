using System.CommandLine;
using LogCorrelator.Query.Saved;

namespace LogCorrelator.Cli;

/// <summary>
/// Where saved queries live: the built-in <c>grammars/queries/*.lcq</c> (copied beside the binary,
/// or found in the repository when run from a build folder) and the user's own file next to the
/// store, <c>&lt;store&gt;.queries.lcq</c>.
/// </summary>
internal static class SavedQueryFiles
{
    private const string Folder = "grammars/queries";

    /// <summary>The built-in folder: beside the binary when installed, else in a folder above it (a repository build).</summary>
    public static string? BuiltInFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, Folder);
            if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.lcq").Any())
                return candidate;
        }
        return null;
    }

    public static string UserFile(ParseResult parse) => Path.GetFullPath(parse.GetValue(CommonOptions.Store)!) + ".queries.lcq";

    public static QueryLibrary Load(ParseResult parse) => QueryLibrary.Load(BuiltInFolder(), UserFile(parse));
}
