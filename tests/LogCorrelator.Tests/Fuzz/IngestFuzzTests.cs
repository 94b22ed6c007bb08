using System.Diagnostics;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Fuzz;

/// <summary>
/// Every file of sample-logs/, damaged 25 ways (<see cref="LogMutator"/>), read through the
/// ingest path: no exception, each within a time proportional to its size, every problem one line.
/// </summary>
public sealed class IngestFuzzTests
{
    /// <summary>Six kinds of damage sixteen times each, plus a long line: 97 mutants a file, ~4,300 inputs, ~15 s alone.</summary>
    private const int Rounds = 16;

    public static TheoryData<string> Files() => new(SampleFiles());

    [Theory]
    [MemberData(nameof(Files))]
    public void A_damaged_sample_is_read_with_problems_on_one_line_each_and_never_hangs(string relative)
    {
        var files = SampleFiles();
        var original = File.ReadAllBytes(RepoPaths.File(relative));
        // Splice from a file of the other family (UTF-16 ERRORLOGs into UTF-8 client logs and back).
        bool utf16 = original is [0xFF, 0xFE, ..];
        string donor = files.First(f => f != relative && File.ReadAllBytes(RepoPaths.File(f)) is [0xFF, 0xFE, ..] != utf16);
        var random = FuzzSeed.For(relative);
        var failures = new List<string>();
        foreach (var (name, bytes) in LogMutator.Mutants(original, File.ReadAllBytes(RepoPaths.File(donor)), random, Rounds, overLimit: files.IndexOf(relative) % 2 == 1))
        {
            string what = $"{relative} ({name}, {bytes.Length} bytes, {FuzzSeed.Variable}={FuzzSeed.Value})";
            var bound = TimeBound.ForLog(bytes.Length);
            try
            {
                var outcome = TimeBound.Run(() => IngestPath.Read(relative, bytes), bound);
                if (NotOneLine(outcome) is { } line)
                    failures.Add($"{what}: a problem is not one line: {line}" + Saved(relative, name, bytes));
            }
            catch (TimeoutException)
            {
                failures.Add($"{what}: still reading after {bound.TotalSeconds:0.#} s" + Saved(relative, name, bytes));
            }
            catch (Exception e)
            {
                failures.Add($"{what}: {e.GetType().Name}: {e.Message}" + Saved(relative, name, bytes) + $"\n{e.StackTrace}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The first problem that is empty or not one line, as printed; null when all are fine.</summary>
    internal static string? NotOneLine(IngestPath.Outcome outcome) =>
        outcome.Problems.Select(p => (p.Message, Line: p.ToString()))
            .Where(p => p.Message.Length == 0 || p.Line.AsSpan().IndexOfAny('\n', '\r') >= 0)
            .Select(p => p.Line)
            .FirstOrDefault();

    /// <summary>Keeps a failing mutant for Fuzz/Regressions/ (see FuzzRegressionTests).</summary>
    private static string Saved(string relative, string mutation, byte[] bytes)
    {
        string folder = Path.Combine(Path.GetTempPath(), "logcorr-fuzz");
        Directory.CreateDirectory(folder);
        string file = Path.Combine(folder, $"{FuzzSeed.Value}-{relative.Replace('/', '_')}-{mutation.Replace(' ', '-').Replace('#', 'n')}");
        File.WriteAllBytes(file, bytes);
        return $" (saved as {file})";
    }

    /// <summary>The sample logs, as paths from the repository root; the generator (sources and any bytecode cache) and expected reports are not logs.</summary>
    internal static List<string> SampleFiles()
    {
        string root = Path.GetDirectoryName(RepoPaths.File("LogCorrelator.sln"))!;
        return Directory.EnumerateFiles(Path.Combine(root, "sample-logs"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("sample-logs/expected/", StringComparison.Ordinal) && !f.StartsWith("sample-logs/samplegen/", StringComparison.Ordinal)
                && !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
