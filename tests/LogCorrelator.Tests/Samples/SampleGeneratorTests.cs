using System.Diagnostics;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Samples;

/// <summary>
/// sample-logs/samplegen regenerates what is committed, byte for byte: a change to the generator that
/// changes a sample must come with the regenerated sample, and nobody edits a generated file by hand.
/// </summary>
public sealed class SampleGeneratorTests
{
    /// <summary>What the generator owns besides the incident folders: its ERRORLOGs of incident-restart and formats-clef.</summary>
    private static readonly string[] OtherFolders = ["incident-restart/SQLPROD01", "formats-clef"];

    [Fact]
    public void Running_the_generator_writes_the_committed_sample_logs_byte_for_byte()
    {
        using var dir = new TempFolder();

        var (code, err) = Generate(dir.Path);

        Assert.True(code == 0, err);
        var written = FilesUnder(dir.Path);
        Assert.NotEmpty(written);
        foreach (string rel in written)
        {
            string committed = Path.Combine(SampleLogs.Root, rel);
            Assert.True(File.Exists(committed), $"the generator wrote {rel}, which sample-logs does not have");
            Assert.True(File.ReadAllBytes(committed).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(dir.Path, rel))),
                $"sample-logs/{rel} differs from what the generator writes (run: cd sample-logs && python3 -m samplegen)");
        }
    }

    [Fact]
    public void Every_file_of_the_generated_folders_and_their_answer_keys_comes_from_the_generator()
    {
        using var dir = new TempFolder();

        var (code, err) = Generate(dir.Path);

        Assert.True(code == 0, err);
        var owned = SampleLogs.Generated.Concat(OtherFolders)
            .SelectMany(folder => FilesUnder(SampleLogs.Folder(folder)).Select(f => folder + "/" + f))
            .Concat(SampleLogs.Generated.Select(folder => "expected/" + folder + ".md"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(owned, FilesUnder(dir.Path));
    }

    /// <summary><c>python3 -m samplegen --out DIR</c>, run in sample-logs.</summary>
    private static (int ExitCode, string Err) Generate(string output)
    {
        var start = new ProcessStartInfo("python3") { WorkingDirectory = SampleLogs.Root };
        foreach (string a in (string[])["-m", "samplegen", "--out", output])
            start.ArgumentList.Add(a);
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        return ChildProcess.Run(start);
    }

    private static List<string> FilesUnder(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
