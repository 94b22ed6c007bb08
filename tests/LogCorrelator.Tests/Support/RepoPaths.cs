namespace LogCorrelator.Tests.Support;

/// <summary>Files of the repository (grammars, case files), found by walking up to the solution file.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string File(string relativePath) =>
        Path.Combine(Root.Value, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "LogCorrelator.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("LogCorrelator.sln not found above the test binaries");
    }
}
