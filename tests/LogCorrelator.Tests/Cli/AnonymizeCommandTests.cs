using System.Text.RegularExpressions;
using LogCorrelator.Store;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Cli;

/// <summary><c>--anonymize</c> on query and diagnose over sample-logs/incident-restart, in every format.</summary>
public sealed partial class AnonymizeCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _store;

    public AnonymizeCommandTests()
    {
        _store = _folder.Combine("incident.lcdb");
        var ingest = Cli.Run("ingest", RepoPaths.File("sample-logs/incident-restart"), "--store", _store);
        Assert.True(ingest.ExitCode == 0, ingest.Err);
    }

    private string Out(params string[] args)
    {
        var run = Cli.Run([.. args, "--store", _store]);
        Assert.True(run.ExitCode == 0, run.Err);
        return run.Out;
    }

    private const string AllEvents = "events where kind != info";

    /// <summary>What the plain outputs show that must not survive: hosts, addresses, user names.</summary>
    private List<string> Originals()
    {
        string plain = Out("query", AllEvents, "--format", "json") + Out("diagnose", "--format", "json");
        var found = new List<string> { "APPSRV01", "SQLPROD01", "svc_reports" };
        found.AddRange(Ip().Matches(plain).Select(m => m.Value));
        found.AddRange(User().Matches(plain).Select(m => m.Groups[1].Value));
        return found.Distinct().ToList();
    }

    [Fact]
    public void No_host_address_or_user_of_the_incident_is_left_in_any_format()
    {
        var originals = Originals();
        Assert.Contains("10.20.1.92", originals);
        Assert.True(originals.Count >= 6, string.Join(", ", originals));
        string html = _folder.Combine("report.html");
        string[] outputs =
        [
            Out("query", AllEvents, "--anonymize"),
            Out("query", AllEvents, "--anonymize", "--format", "json"),
            Out("query", AllEvents, "--anonymize", "--format", "csv"),
            Out("query", "errors near restart within 5m", "--anonymize", "--format", "json"),
            Out("diagnose", "--anonymize", "--html", html),
            Out("diagnose", "--anonymize", "--format", "json"),
            File.ReadAllText(html),
        ];

        foreach (string output in outputs)
        {
            foreach (string original in originals)
                Assert.DoesNotContain(original, output, StringComparison.OrdinalIgnoreCase);
            Assert.Matches("host-[0-9a-f]{6}", output);
        }
        Assert.Contains("\"host\": \"host-", outputs[1], StringComparison.Ordinal);
        Assert.Contains("[CLIENT: ip-", outputs[0], StringComparison.Ordinal);
        Assert.Contains("Login failed for user 'user-", outputs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_store_gives_the_same_pseudonyms_run_after_run_from_a_private_key_file()
    {
        string first = Out("query", AllEvents, "--anonymize", "--format", "json");
        string second = Out("query", AllEvents, "--anonymize", "--format", "json");

        Assert.Equal(first, second);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(PrivateFiles.FileMode, File.GetUnixFileMode(AnonymizeKey.FileFor(_store)));
        Assert.Equal(32, File.ReadAllBytes(AnonymizeKey.FileFor(_store)).Length);
    }

    [Fact]
    public void The_key_in_the_environment_decides_the_pseudonyms()
    {
        string byFile = Out("query", AllEvents, "--anonymize", "--format", "json");
        string[] byVariable = new string[2];
        try
        {
            Environment.SetEnvironmentVariable(AnonymizeKey.Variable, "shared incident key");
            byVariable[0] = Out("query", AllEvents, "--anonymize", "--format", "json");
            byVariable[1] = Out("query", AllEvents, "--anonymize", "--format", "json");
        }
        finally
        {
            Environment.SetEnvironmentVariable(AnonymizeKey.Variable, null);
        }

        Assert.Equal(byVariable[0], byVariable[1]);
        Assert.NotEqual(byFile, byVariable[0]);
    }

    [GeneratedRegex(@"\b\d{1,3}(?:\.\d{1,3}){3}\b")]
    private static partial Regex Ip();

    [GeneratedRegex(@"for user '(?:[A-Z]+\\\\)?([^'\\]+)'")]
    private static partial Regex User();

    public void Dispose() => _folder.Dispose();
}
