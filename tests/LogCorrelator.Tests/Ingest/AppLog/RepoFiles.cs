namespace LogCorrelator.Tests.Ingest.AppLog;

/// <summary>Files of the repository the tests read, found from the test binaries upwards.</summary>
internal static class RepoFiles
{
    public static string Path(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "LogCorrelator.sln")))
                return System.IO.Path.Combine(dir.FullName, relative);
        }
        throw new DirectoryNotFoundException("LogCorrelator.sln not found above " + AppContext.BaseDirectory);
    }
}
