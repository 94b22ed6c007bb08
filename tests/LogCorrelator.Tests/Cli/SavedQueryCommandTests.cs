using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Cli;

/// <summary><c>queries</c>, <c>run</c> and <c>save</c>, each test with its own store and queries file.</summary>
public sealed class SavedQueryCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _store;

    public SavedQueryCommandTests()
    {
        _store = Path.Combine(_folder.Path, "incident.lcdb");
        Assert.Equal(0, Cli.Run("ingest", RepoPaths.File("sample-logs/incident-restart"), "--store", _store).ExitCode);
    }

    private string UserFile => _store + ".queries.lcq";

    [Fact]
    public void Queries_lists_the_built_in_ones_with_their_description()
    {
        var run = Cli.Run("queries", "--store", _store);
        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n');
        Assert.StartsWith("NAME ", lines[0], StringComparison.Ordinal);
        var unexplained = Assert.Single(lines, l => l.StartsWith("unexplained ", StringComparison.Ordinal));
        Assert.Contains("built-in  errors not near (restart or shutdown or kill or failover) within 5m", unexplained, StringComparison.Ordinal);
        Assert.EndsWith("Client errors that no restart, shutdown, kill or failover explains within 5 minutes: the ones to look at"
            + " for a network cause (idle timeouts, offload, port exhaustion, backlog).", unexplained, StringComparison.Ordinal);
        Assert.StartsWith("9 built-in, 0 yours", lines[^2], StringComparison.Ordinal);
    }

    [Fact]
    public void Run_runs_a_built_in_query()
    {
        var run = Cli.Run("run", "killed-sessions", "--store", _store);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2024-03-05 11:47:23.015               APPSRV01   error  10054", run.Out, StringComparison.Ordinal);
        Assert.EndsWith("2 matches\n", run.Out, StringComparison.Ordinal);
        Assert.Equal("HOST      CODE   COUNT\nAPPSRV01  10054  1\n1 row\n", Cli.Run("run", "unexplained-by-host", "--store", _store).Out);
    }

    [Fact]
    public void Run_of_an_unknown_name_suggests_the_nearest()
    {
        var run = Cli.Run("run", "unexplaned", "--store", _store);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: no saved query 'unexplaned'; did you mean 'unexplained'? ('logcorr queries' lists them)\n", run.Err);
    }

    [Fact]
    public void Save_checks_keeps_and_runs_a_query_of_the_user()
    {
        var save = Cli.Run("save", "after-kill", "errors after kill within 30s", "--description", "Errors right after a KILL.", "--store", _store);
        Assert.Equal(0, save.ExitCode);
        Assert.Equal("# Errors right after a KILL.\nafter-kill = errors after kill within 30s\n", File.ReadAllText(UserFile));
        var list = Cli.Run("queries", "--store", _store);
        Assert.Contains("after-kill           yours     errors after kill within 30s", list.Out, StringComparison.Ordinal);
        Assert.EndsWith("9 built-in, 1 yours (in " + UserFile + ")\n", list.Out, StringComparison.Ordinal);
        Assert.EndsWith("2 matches\n", Cli.Run("run", "after-kill", "--store", _store).Out, StringComparison.Ordinal);
        // A second query may use the first; saving the first again replaces it in place.
        Assert.Equal(0, Cli.Run("save", "after-kill-count", "@after-kill | count", "--store", _store).ExitCode);
        Assert.Equal(0, Cli.Run("save", "after-kill", "errors after kill within 1s", "--store", _store).ExitCode);
        Assert.Equal("after-kill = errors after kill within 1s\n\nafter-kill-count = @after-kill | count\n", File.ReadAllText(UserFile));
        Assert.Equal("COUNT\n1\n1 row\n", Cli.Run("run", "after-kill-count", "--store", _store).Out);
    }

    [Fact]
    public void Save_refuses_an_invalid_query_a_cycle_and_a_built_in_name()
    {
        var invalid = Cli.Run("save", "typo", "errors nera restart within 5m", "--store", _store);
        Assert.Equal(2, invalid.ExitCode);
        Assert.StartsWith("error: unexpected 'nera' at column 8,", invalid.Err, StringComparison.Ordinal);
        Assert.Equal(0, Cli.Run("save", "a", "errors near restart within 5m", "--store", _store).ExitCode);
        Assert.Equal(0, Cli.Run("save", "b", "@a where host = APPSRV01", "--store", _store).ExitCode);
        var cycle = Cli.Run("save", "a", "@b", "--store", _store);
        Assert.Equal(2, cycle.ExitCode);
        Assert.StartsWith("error: saved query '@b' refers to itself at column 1: @b -> @a -> @b\n", cycle.Err, StringComparison.Ordinal);
        var builtIn = Cli.Run("save", "unexplained", "errors", "--store", _store);
        Assert.Equal(2, builtIn.ExitCode);
        Assert.Equal("error: 'unexplained' is a built-in query; choose another name\n", builtIn.Err);
        Assert.Equal("a = errors near restart within 5m\n\nb = @a where host = APPSRV01\n", File.ReadAllText(UserFile));
    }

    public void Dispose() => _folder.Dispose();
}
