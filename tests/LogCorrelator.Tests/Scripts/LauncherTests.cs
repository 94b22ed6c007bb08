using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Scripts;

/// <summary>
/// The <c>logcorr</c> launcher at the repository root, run on a copy of the repository's layout with a
/// stand-in dotnet: it builds when a source changed, and only then.
/// </summary>
public sealed class LauncherTests
{
    private static readonly DateTime Built = new(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    private static readonly string[] Sources =
    [
        "src/LogCorrelator/Ingest/IngestRunner.cs", "src/LogCorrelator/LogCorrelator.csproj", "grammars/rules/restart.yaml",
        "grammars/queries/incident.lcq", "grammars/query.ebnf", "Directory.Packages.props", "Directory.Build.props",
        // What a test run leaves under src/: generated code and restore files.
        "src/LogCorrelator/obj/Debug/net10.0/LogCorrelator.AssemblyInfo.cs", "src/LogCorrelator/obj/LogCorrelator.csproj.nuget.g.props",
        "src/LogCorrelator.Cli/bin/Debug/net10.0/grammars/rules/restart.yaml",
    ];

    /// <summary>A copy of the launcher among old sources, built at <see cref="Built"/>.</summary>
    private static (string Launcher, FakeTools Tools) Repository(TempFolder dir)
    {
        string launcher = dir.Combine("repo/logcorr");
        File.Copy(RepoPaths.File("logcorr"), launcher);
        foreach (string source in Sources)
            File.SetLastWriteTimeUtc(dir.File("repo/" + source, ""), Built.AddHours(-1));
        File.SetLastWriteTimeUtc(dir.File("repo/.build/logcorr/logcorr.dll", ""), Built);
        File.SetLastWriteTimeUtc(dir.File("repo/.build/built", ""), Built);
        var tools = new FakeTools(dir);
        tools.Add("dotnet");
        return (launcher, tools);
    }

    /// <summary>Runs the launcher once: whether it built before running the dll.</summary>
    private static bool Builds(string launcher, FakeTools tools)
    {
        int before = tools.Calls.Length;
        var (code, err) = FakeTools.Run(launcher, tools.Bin + ":" + Environment.GetEnvironmentVariable("PATH"), "--version");
        Assert.True(code == 0, err);
        Assert.EndsWith("logcorr.dll --version", tools.Calls[^1]);
        return tools.Calls.Skip(before).Any(c => c.StartsWith("dotnet build ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("src/LogCorrelator/Ingest/IngestRunner.cs", true)]
    [InlineData("src/LogCorrelator/LogCorrelator.csproj", true)]
    [InlineData("grammars/rules/restart.yaml", true)]
    [InlineData("grammars/queries/incident.lcq", true)]
    [InlineData("grammars/query.ebnf", true)]
    [InlineData("Directory.Packages.props", true)]
    [InlineData("Directory.Build.props", true)]
    [InlineData("src/LogCorrelator/obj/Debug/net10.0/LogCorrelator.AssemblyInfo.cs", false)]
    [InlineData("src/LogCorrelator/obj/LogCorrelator.csproj.nuget.g.props", false)]
    [InlineData("src/LogCorrelator.Cli/bin/Debug/net10.0/grammars/rules/restart.yaml", false)]
    public void It_builds_when_a_source_is_newer_than_the_last_build_and_never_for_bin_or_obj(string touched, bool builds)
    {
        using var dir = new TempFolder();
        var (launcher, tools) = Repository(dir);
        File.SetLastWriteTimeUtc(dir.Combine("repo/" + touched), Built.AddHours(1));

        Assert.Equal(builds, Builds(launcher, tools));
    }

    [Fact]
    public void A_build_that_rewrote_nothing_is_not_repeated_on_the_next_call()
    {
        using var dir = new TempFolder();
        var (launcher, tools) = Repository(dir);
        // A changed saved query is only copied to the output: the dll keeps its old time.
        File.SetLastWriteTimeUtc(dir.Combine("repo/grammars/queries/incident.lcq"), DateTime.UtcNow.AddMinutes(-1));

        bool first = Builds(launcher, tools);
        bool second = Builds(launcher, tools);

        Assert.Equal((true, false), (first, second));
    }
}
