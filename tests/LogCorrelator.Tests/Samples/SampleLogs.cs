using System.Text;

namespace LogCorrelator.Tests.Samples;

/// <summary>Finds the repository's sample-logs folder and reads its files the way they were written.</summary>
internal static class SampleLogs
{
    /// <summary>The incident folders sample-logs/samplegen writes whole, each with its answer key in expected/ (of incident-restart it writes only the ERRORLOGs).</summary>
    public static readonly string[] Generated =
    [
        "incident-kill", "incident-failover", "incident-idle-timeout", "incident-chimney", "incident-port-exhaustion",
        "incident-backlog", "incident-keepalive", "incident-mixed", "incident-no-cause",
        "incident-silence-edge", "incident-restart-logins", "incident-port-span", "incident-keepalive-aftermath",
    ];

    public static string Root { get; } = FindRoot();

    public static string Folder(string name) => Path.Combine(Root, name);

    /// <summary>Every file of a folder as a path relative to it, with '/' separators, in ordinal order.</summary>
    public static IReadOnlyList<string> Files(string folder) =>
        Directory.EnumerateFiles(Folder(folder), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Folder(folder), f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

    /// <summary>The text of a file: UTF-16LE when it starts with that BOM (ERRORLOG), UTF-8 otherwise.</summary>
    public static string Text(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        return bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE
            ? Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2)
            : Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Lines without their terminators; line n of a file is element n - 1.</summary>
    public static string[] Lines(string path) => Text(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LogCorrelator.sln")))
                return Path.Combine(dir.FullName, "sample-logs");
        }
        throw new InvalidOperationException("LogCorrelator.sln not found above " + AppContext.BaseDirectory);
    }
}
