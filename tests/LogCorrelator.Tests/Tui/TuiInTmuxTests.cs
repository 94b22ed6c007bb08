using System.Text.RegularExpressions;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Tui;

/// <summary>
/// logcorr tui driven for real: the built binary in a 160×48 tmux pane over the sample incident,
/// keys sent as a user types them, the screen read back. Times are UTC: the app log writes +01:00,
/// the ERRORLOG local time at UTC-5 (its startup block says so).
/// </summary>
public sealed partial class TuiInTmuxTests : IClassFixture<SampleStore>
{
    private const string Before = "shell-before-tui";
    private readonly SampleStore _store;

    public TuiInTmuxTests(SampleStore store)
    {
        Tmux.Require();
        _store = store;
    }

    /// <summary>
    /// A shell line, then the TUI, then its exit code, then a pause so the pane can be read after it exits.
    /// DisableRealDriverIO is unset: the headless tests set it in this process and tmux would pass it on.
    /// </summary>
    private string Command(string env) =>
        $"printf '{Before}\\n'; env -u NO_COLOR -u DisableRealDriverIO LANG=C.UTF-8 LC_ALL=C.UTF-8 {env} dotnet '{SampleStore.Binary}' tui --store '{_store.Path}'; echo \"tui-exit=$?\"; sleep 60";

    private static readonly string AppLog = RepoPaths.File("sample-logs/incident-restart/APPSRV01/Logs/orders-api-20240305.log");

    [GeneratedRegex(@"\x1b\[[0-9;]*(?:3[0-7]|9[0-7]|38;[25];[0-9;]+)m")]
    private static partial Regex ForegroundColour();

    [Fact]
    public void The_TUI_ends_when_its_terminal_goes_away()
    {
        string pidFile = Path.Combine(Path.GetTempPath(), $"logcorr-tui-{Guid.NewGuid():N}.pid");
        using var tmux = new Tmux();
        tmux.Start($"sh -c 'echo $$ > {pidFile}; exec env -u NO_COLOR -u DisableRealDriverIO LANG=C.UTF-8 dotnet {SampleStore.Binary} tui --store {_store.Path}'",
            SampleStore.RepoRoot, 160, 48);
        tmux.WaitFor("› 2024-03-05 10:15:00.250");
        int pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        File.Delete(pidFile);
        Assert.True(Running(pid), "the TUI is running before the hangup");

        tmux.KillServer();

        // SIGHUP cancels the command; whatever is left of it ends 3 s later. It used to keep running
        // with no terminal, spinning at 15% of a core.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (Running(pid) && clock.Elapsed < TimeSpan.FromSeconds(20))
            Thread.Sleep(100);
        Assert.False(Running(pid), $"logcorr tui (pid {pid}) still runs {clock.Elapsed.TotalSeconds:0} s after its terminal went away");
    }

    /// <summary>Alive and not a zombie waiting to be reaped.</summary>
    private static bool Running(int pid)
    {
        string stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
            return false;
        try
        {
            string text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    [Fact]
    public void Browse_the_sample_incident_query_it_open_a_detail_and_quit()
    {
        using var tmux = new Tmux();
        tmux.Start(Command(""), SampleStore.RepoRoot, 160, 48);

        // Errors from 10:15:00.250 to 11:47:24.502 fit in 1-minute buckets from 10:15. The fullest is 11:32
        // (column 77: 11:32:06.480, :07.112, :09.950, :31.004), so the top bar row has one block there.
        // Under the bars: the shutdown at 11:31:50.120 (column 76), restart 11:32:04.310 (77), kill 11:47:22.400 (92).
        var screen = tmux.WaitFor("Timeline · errors per 1m · cursor 2024-03-05 10:15 +1m: 1", "› 2024-03-05 10:15:00.250 APPSRV01 error 10054");
        Assert.Contains("│     4 " + new string(' ', 77) + "█ ", screen);
        Assert.Contains("│server " + new string(' ', 76) + "SR" + new string(' ', 14) + "K ", screen);
        Assert.Contains("  2024-03-05 11:28:41.337 APPSRV01 error -2    Microsoft", screen);
        Assert.Equal("1", tmux.Show("#{alternate_on}"));
        Assert.Matches(ForegroundColour(), tmux.Screen(escapes: true));

        // The cursor one bucket right (10:16, empty) takes the results to the next error.
        tmux.Keys("Right");
        tmux.WaitFor("cursor 2024-03-05 10:16 +1m: 0", "› 2024-03-05 11:28:41.337");
        // Zooming in keeps the selected row's bucket under the cursor: 11:28:30 in 30 s buckets.
        tmux.Keys("+");
        tmux.WaitFor("errors per 30s · cursor 2024-03-05 11:28:30 +30s: 1");

        tmux.Keys("/");
        tmux.WaitFor("/ errors", "Enter run · Esc cancel · ↑/↓ history · Tab complete");
        tmux.Keys("C-u");
        tmux.Type("errors 10054 nera restart within 5m");
        tmux.Keys("Enter");
        screen = tmux.WaitFor("error: unexpected 'nera' at column 14", "\n" + new string(' ', 15) + "^^^^", "did you mean 'near'?");
        // The error is under the bar, the rows stay on screen.
        Assert.Contains("Results · errors · 10 rows", screen);

        // 10054 errors within 5 minutes of the 11:32:04.310 restart: 11:29:30.118 to 11:33:02.771 (the -2 and 10:15 are out).
        tmux.Keys("C-u");
        tmux.Type("errors 10054 near restart within 5m");
        tmux.Keys("Enter");
        tmux.WaitFor("Results · errors 10054 near restart within 5m · 6 rows", "› 2024-03-05 11:29:30.118 APPSRV01 error 10054 restart SQLPROD01 +154.192s Microsoft");

        // The second match, 11:32:06.480 (12:32:06.480 +01:00 in the file), with its raw lines.
        var lines = File.ReadAllLines(AppLog);
        int entry = Array.FindIndex(lines, l => l.StartsWith("2024-03-05 12:32:06.480 +01:00", StringComparison.Ordinal)) + 1;
        tmux.Keys("Down");
        tmux.Keys("Enter");
        screen = tmux.WaitFor($"Detail · sample-logs/incident-restart/APPSRV01/Logs/orders-api-20240305.log:{entry}", "justified by 1 event:");
        Assert.Contains($"│  {entry - 1} | {lines[entry - 2]}", screen);
        Assert.Contains($"│> {entry} | {lines[entry - 1]}", screen);
        Assert.Contains($"│> {entry + 1} | {lines[entry][..100]}", screen);
        Assert.Contains("│  -2.170s   2024-03-05 11:32:04.310  SQLPROD01  restart  Microsoft SQL Server 2019", screen);

        tmux.Keys("q");
        screen = tmux.WaitFor("tui-exit=0");
        Assert.Contains(Before, screen);
        Assert.DoesNotContain("Timeline", screen);
        Assert.Equal("0", tmux.Show("#{alternate_on}"));
        Assert.Equal("1", tmux.Show("#{cursor_flag}"));
    }

    [Fact]
    public void No_colour_is_respected_a_resize_relays_out_and_Ctrl_C_restores_the_terminal()
    {
        using var tmux = new Tmux();
        tmux.Start(Command("NO_COLOR=1"), SampleStore.RepoRoot, 160, 48);
        tmux.WaitFor("› 2024-03-05 10:15:00.250");

        string coded = tmux.Screen(escapes: true);
        Assert.DoesNotMatch(ForegroundColour(), coded);
        Assert.Contains("\u001b[7m", coded);

        // A resize keeps the bucket size and redraws everything at the new width and height.
        tmux.Resize(100, 30);
        // Waited for to the bottom row: capture-pane can catch a frame still being written top down.
        var screen = tmux.WaitFor(s => s.Split('\n')[1].Length == 100 && s.Contains("errors per 1m") && s.TrimEnd('\n').Split('\n').Length == 30, "the screen redrawn 100x30");
        Assert.Equal(30, screen.TrimEnd('\n').Split('\n').Length);
        Assert.All(screen.TrimEnd('\n').Split('\n'), l => Assert.True(l.Length <= 100, l));

        tmux.Keys("C-c");
        screen = tmux.WaitFor("tui-exit=0");
        Assert.Contains(Before, screen);
        Assert.Equal("0", tmux.Show("#{alternate_on}"));
        Assert.Equal("1", tmux.Show("#{cursor_flag}"));
    }

    [Fact]
    public void The_saved_list_runs_a_query_the_diagnosis_jumps_to_its_evidence_and_help_lists_the_keys()
    {
        using var tmux = new Tmux();
        tmux.Start(Command(""), SampleStore.RepoRoot, 160, 48);
        tmux.WaitFor("› 2024-03-05 10:15:00.250");

        // The built-in saved queries come first: after-restart is grammars/queries/incident.lcq's first.
        tmux.Keys("s");
        tmux.WaitFor("Saved queries", "› @after-restart          errors near (restart or shutdown) within 5m");
        tmux.Keys("Enter");
        tmux.WaitFor("Results · errors near (restart or shutdown) within 5m · 7 rows");

        // The diagnosis ranks the restart first; its first evidence line is the shutdown at 11:31:50.120,
        // and Enter takes the results to the first row after it.
        tmux.Keys("d");
        var screen = tmux.WaitFor("Diagnosis · the causes ranked", "#1 SQL Server restarted or shut down");
        Assert.Contains("› -> 2024-03-05 11:31:50.120  SQLPROD01  shutdown  SQLPROD01/ERRORLOG.1:348", screen);
        tmux.Keys("Enter");
        tmux.WaitFor("at the evidence's moment: 2024-03-05 11:31:50.120 UTC", "› 2024-03-05 11:32:06.480 APPSRV01 error 10054");

        tmux.Keys("F1");
        screen = tmux.WaitFor("Help · every key");
        Assert.Contains("  q or Ctrl+C    quit (the terminal is restored)", screen);
        tmux.Keys("Escape");
        tmux.WaitFor(s => !s.Contains("Help · every key", StringComparison.Ordinal), "help closed");
        tmux.Keys("q");
        tmux.WaitFor("tui-exit=0");
    }
}
