namespace LogCorrelator.Tests.Fixtures;

/// <summary>
/// The recordings under <c>Fixtures/recorded/</c> (copied next to the test assembly): real client
/// error text from real drivers against loopback faults. Ingester tests read them through here.
/// </summary>
internal static class RecordedFixture
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "recorded");

    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static string Read(string name) => File.ReadAllText(PathOf(name));

    public static string[] Lines(string name) => File.ReadAllLines(PathOf(name));

    /// <summary>Every recorded output (the logs and the ss capture), by file name.</summary>
    public static IEnumerable<string> Outputs() =>
        Directory.EnumerateFiles(Folder, "*.log").Append(PathOf("ss-burst.txt")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
}
