using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Scripts;

/// <summary>
/// <c>./test</c>, the README's test command and what CI runs: on a machine with only the .NET SDK it
/// installs what the tests need, then runs the solution's tests. Run here with stand-ins for apt-get and dotnet.
/// </summary>
public sealed class TestScriptTests
{
    /// <summary>A copy of the script and a PATH with no tmux and no Chromium, as on a fresh machine.</summary>
    private static (string Script, FakeTools Tools) FreshMachine(TempFolder dir, string user)
    {
        string script = dir.Combine("repo/test");
        File.Copy(RepoPaths.File("test"), script);
        var tools = new FakeTools(dir);
        foreach (string real in new[] { "dirname", "env" })
            tools.Link(real);
        tools.Add("id", $"echo {user}");
        tools.Add("dotnet");
        tools.Add("apt-get");
        tools.Add("sudo", "\"$@\"");
        return (script, tools);
    }

    [Fact]
    public void As_root_it_installs_tmux_and_chromium_with_apt_get_then_runs_the_solutions_tests()
    {
        using var dir = new TempFolder();
        var (script, tools) = FreshMachine(dir, "0");

        var (code, err) = FakeTools.Run(script, tools.Bin, "--filter", "FullyQualifiedName~Ingest");

        Assert.True(code == 0, err);
        Assert.Equal(["id -u", "apt-get update -qq", "apt-get install -y -qq tmux chromium"],
            tools.Calls[..3].Select(c => c.Replace(" fonts-dejavu-core", "", StringComparison.Ordinal)));
        Assert.Equal("dotnet test LogCorrelator.sln --filter FullyQualifiedName~Ingest", tools.Calls[^1]);
    }

    [Fact]
    public void Another_user_installs_through_sudo()
    {
        using var dir = new TempFolder();
        var (script, tools) = FreshMachine(dir, "1000");

        var (code, err) = FakeTools.Run(script, tools.Bin);

        Assert.True(code == 0, err);
        Assert.Contains("sudo apt-get update -qq", tools.Calls);
        Assert.Contains(tools.Calls, c => c.StartsWith("sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux chromium", StringComparison.Ordinal));
        Assert.Equal("dotnet test LogCorrelator.sln", tools.Calls[^1]);
    }

    [Fact]
    public void When_nothing_can_install_it_says_so_in_one_line_and_runs_no_test()
    {
        using var dir = new TempFolder();
        var (script, tools) = FreshMachine(dir, "1000");
        File.Delete(Path.Combine(tools.Bin, "sudo"));

        var (code, err) = FakeTools.Run(script, tools.Bin);

        Assert.Equal(1, code);
        Assert.Matches("^test: the tests need tmux chromium( fonts-dejavu-core)?: install them \\(this script uses apt-get, as root or with sudo\\) and run ./test again\n$", err);
        Assert.DoesNotContain(tools.Calls, c => c.StartsWith("dotnet", StringComparison.Ordinal));
    }

    [Fact]
    public void The_readme_gives_it_as_the_test_command_and_ci_runs_exactly_it()
    {
        string readme = File.ReadAllText(RepoPaths.File("README.md"));
        var ci = File.ReadAllLines(RepoPaths.File(".ci/run")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

        Assert.Contains("\n./test   ", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet test", readme, StringComparison.Ordinal);
        Assert.Equal(["set -euo pipefail", "cd \"$(dirname \"$0\")/..\"", "./test"], ci);
    }
}
