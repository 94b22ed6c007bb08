using System.Text.Json;
using LogCorrelator.Tests.Cli;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Ingest.Text;

/// <summary>
/// Text with no time at all still yields its events: listed, shown as "—" (JSON null), counted by
/// <c>sources</c>, and left out of every window relation. The pasted exception is a real excerpt of
/// the wild corpus (dotnet/010, github.com/.../issues in its index.tsv), beside the sample incident.
/// </summary>
public sealed class UntimedEventsTests : IDisposable
{
    private const string Pasted = "tests/LogCorrelator.Tests/Fixtures/wild/dotnet/010-journal-limpet-timeout-258.md";
    private readonly TempFolder _dir = new();
    private readonly string _store;

    public UntimedEventsTests()
    {
        _store = _dir.Combine("s.lcdb");
        string incident = _dir.Combine("incident");
        CopyFolder(RepoPaths.File("sample-logs/incident-restart"), incident);
        _dir.File("incident/notes/pasted-exception.md", File.ReadAllBytes(RepoPaths.File(Pasted)));
        var ingest = CliRun.Of("ingest", incident, "--store", _store);
        Assert.Equal(0, ingest.ExitCode);
    }

    [Fact]
    public void Ingest_and_sources_say_how_many_events_have_no_time()
    {
        var sources = CliRun.Of("sources", "--store", _store);
        Assert.Contains(sources.Out, l => l.Contains("pasted-exception.md", StringComparison.Ordinal)
            && l.Contains("1 significant event; 2 events without a time", StringComparison.Ordinal));
    }

    [Fact]
    public void An_untimed_error_is_listed_with_a_dash_and_a_null_time()
    {
        var table = CliRun.Of("query", "errors -2", "--store", _store);
        Assert.Equal(0, table.ExitCode);
        var row = Assert.Single(table.Out, l => l.Contains("Execution Timeout Expired", StringComparison.Ordinal) && l.StartsWith('—'));
        Assert.Contains("-2", row);

        var json = CliRun.Of("query", "errors -2", "--format", "json", "--store", _store);
        using var doc = JsonDocument.Parse(json.Text);
        var untimed = doc.RootElement.GetProperty("matches").EnumerateArray()
            .Where(m => m.GetProperty("source").GetProperty("path").GetString()!.EndsWith("pasted-exception.md", StringComparison.Ordinal))
            .ToList();
        var match = Assert.Single(untimed);
        Assert.Equal(JsonValueKind.Null, match.GetProperty("time").ValueKind);
        Assert.Equal(3, match.GetProperty("source").GetProperty("line").GetInt32());
    }

    [Fact]
    public void Relations_leave_untimed_events_out_on_both_sides()
    {
        // The README's six 10054 matches and the seven errors of the TUI's screen, with or without the pasted text beside them.
        Assert.Equal("6 matches", CliRun.Of("query", "errors 10054 near restart within 5m", "--store", _store).Out[^1]);
        Assert.Equal("7 matches", CliRun.Of("query", "errors near restart within 5m", "--store", _store).Out[^1]);
        // The anti-join does not claim the untimed error either: it is not "far from" a restart, it has no time.
        var notNear = CliRun.Of("query", "errors not near restart within 5m", "--format", "json", "--store", _store);
        using var doc = JsonDocument.Parse(notNear.Text);
        Assert.All(doc.RootElement.GetProperty("matches").EnumerateArray(),
            m => Assert.Equal(JsonValueKind.String, m.GetProperty("time").ValueKind));
    }

    [Fact]
    public void The_tuis_timeline_extent_is_of_times_only()
    {
        using var store = LogCorrelator.Store.EventStore.Open(_store);
        var extent = new LogCorrelator.Store.EventBrowser(store).Extent(new LogCorrelator.Store.EventScan { Kinds = [LogCorrelator.Events.EventKind.Error] });
        Assert.NotNull(extent);
        Assert.Equal(Utc.Ms("10:15:00.250"), extent.Value.First);
        Assert.Equal(Utc.Ms("11:47:24.502"), extent.Value.Last);
    }

    [Fact]
    public void Codeorigin_tells_a_printed_number_from_one_the_words_imply()
    {
        // The sample's SqlClient errors end in "Error Number:10054"; the pasted timeout prints no number.
        var printed = CliRun.Of("query", "errors where codeorigin = printed | count by code", "--store", _store);
        Assert.Equal(["CODE   COUNT", "10054  9", "-2     1", "2 rows"], printed.Out);
        var implied = CliRun.Of("query", "errors where codeorigin = implied", "--format", "json", "--store", _store);
        using var doc = JsonDocument.Parse(implied.Text);
        var match = Assert.Single(doc.RootElement.GetProperty("matches").EnumerateArray());
        Assert.Equal("-2", match.GetProperty("code").GetString());
        Assert.EndsWith("pasted-exception.md", match.GetProperty("source").GetProperty("path").GetString());
    }

    [Fact]
    public void Diagnose_runs_beside_an_untimed_error()
    {
        var run = CliRun.Of("diagnose", "--store", _store);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.Out, l => l.Contains("SQL Server restarted or shut down (restart)", StringComparison.Ordinal));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => _dir.Dispose();
}
