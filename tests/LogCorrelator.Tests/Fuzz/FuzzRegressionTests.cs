using System.Diagnostics;
using LogCorrelator.Ingest;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Fuzz;

/// <summary>
/// Inputs the fuzz runs once failed on, kept byte for byte in Fuzz/Regressions/CASE/FILE (the file
/// keeps the name detection saw): each reads without an exception, in time, every problem one line.
/// </summary>
public sealed class FuzzRegressionTests
{
    private const string Folder = "tests/LogCorrelator.Tests/Fuzz/Regressions";

    public static TheoryData<string> Cases() => new(
        Directory.EnumerateFiles(RepoPaths.File(Folder), "*", SearchOption.AllDirectories)
            .Select(f => Folder + "/" + Path.GetRelativePath(RepoPaths.File(Folder), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_log_that_once_failed_is_read_with_problems_on_one_line(string relative)
    {
        var bytes = File.ReadAllBytes(RepoPaths.File(relative));
        var clock = Stopwatch.StartNew();

        var outcome = IngestPath.Read(relative, bytes);

        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeBound.ForLog(bytes.Length));
        Assert.Null(IngestFuzzTests.NotOneLine(outcome));
        Assert.NotEmpty(outcome.Problems);
    }

    [Fact]
    public void A_problem_quoting_controls_and_a_long_text_prints_as_one_short_line()
    {
        var problems = new ProblemList("SQLPROD07/ERRORLOG");

        problems.Report(6, "unreadable UTC adjustment '5:30\r\u2028x\0" + new string('y', 600) + "': times taken as UTC");

        string line = problems.Items[0].ToString();
        Assert.Equal("SQLPROD07/ERRORLOG:6: unreadable UTC adjustment '5:30??x?" + new string('y', 500 - 35) + "…", line);
    }
}
