using System.Text;
using LiteDB;
using LogCorrelator.Cli.Tui;
using LogCorrelator.Store;
using LogCorrelator.Tests.Cli;
using LogCorrelator.Tests.Text;
using LogCorrelator.Tests.Tui;

namespace LogCorrelator.Tests.Secrets;

/// <summary>
/// Every way text leaves logcorr, over an incident whose files carry the whole secret corpus in every
/// format: no output, and no byte of the store, shows a secret's marker; what stands around it does.
/// </summary>
public sealed class SecretLeakTests : IClassFixture<SecretIncident>
{
    private readonly SecretIncident _incident;

    public SecretLeakTests(SecretIncident incident) => _incident = incident;

    private Cli.Cli Run(params string[] args)
    {
        var run = Cli.Cli.Run([.. args, "--store", _incident.Store]);
        Assert.True(run.ExitCode == 0, run.Err);
        return run;
    }

    private static void AssertNoSecret(string output)
    {
        var leaking = output.Split('\n').Where(l => SecretCorpus.Leaks(l).Any() || l.Contains("-pw", StringComparison.Ordinal)).ToList();
        Assert.True(leaking.Count == 0, "secrets shown:\n" + string.Join('\n', leaking.Take(40)));
    }

    /// <summary>Redaction masks values, it does not blank lines: the servers, the names around each secret stay.</summary>
    private static void AssertContextKept(string output)
    {
        Assert.Contains("Server=db01", output, StringComparison.Ordinal);
        Assert.Contains("Password=*****", output, StringComparison.Ordinal);
        Assert.Contains("AccountName=logsacct", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("table")]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("clef")]
    public void Query_output_shows_no_secret_in_any_format(string format)
    {
        var events = Run("query", "events", "--format", format);
        var errors = Run("query", "errors near restart within 5m", "--format", format);
        // CLEF writes events, not tables: its fields are the events' own.
        var fields = format == "clef" ? events : Run("query", "events | fields time, host, kind, message", "--format", format);

        foreach (var output in new[] { events.Out, errors.Out, fields.Out })
            AssertNoSecret(output);
        AssertContextKept(events.Out);
        AssertContextKept(fields.Out);
    }

    [Fact]
    public void Every_file_of_the_incident_was_read_with_all_its_events()
    {
        var json = Run("query", "events", "--format", "json").Out;
        int n = SecretCorpus.Lines.Count;

        // ERRORLOG: n configuration lines and n login failures (plus its start); app log: n infos and n errors;
        // CLEF: n infos and n errors; JSON lines: n.
        Assert.True(System.Text.RegularExpressions.Regex.Count(json, "\"kind\": ") >= 7 * n, json[..Math.Min(2000, json.Length)]);
        Assert.Equal(2 * n, System.Text.RegularExpressions.Regex.Count(json, "\"code\": \"10054\""));
    }

    [Fact]
    public void Diagnose_text_json_and_html_show_no_secret()
    {
        string html = _incident.Scratch.Combine("report.html");
        var text = Run("diagnose", "--html", html);
        var json = Run("diagnose", "--format", "json");
        var clef = Run("diagnose", "--format", "clef");
        string report = File.ReadAllText(html);

        // The secrets sit in the errors the restart explains and in the login failures: the report shows them.
        Assert.Contains("restart", text.Out, StringComparison.Ordinal);
        Assert.Contains("\"explainedErrors\"", json.Out, StringComparison.Ordinal);
        foreach (var output in new[] { text.Out, json.Out, clef.Out, report })
            AssertNoSecret(output);
        AssertContextKept(json.Out);
        AssertContextKept(clef.Out);
        Assert.Contains("Password=*****", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Diagnose_why_shows_no_secret_in_the_account_of_any_error()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(Run("diagnose", "--format", "json").Out);
        var times = doc.RootElement.GetProperty("accounts").EnumerateArray().Select(a => a.GetProperty("time").GetString()!).Distinct().ToList();

        Assert.NotEmpty(times);
        Assert.Contains("Password=*****", doc.RootElement.GetProperty("accounts").ToString(), StringComparison.Ordinal);
        foreach (string time in times)
        {
            var text = Run("diagnose", "--why", time);
            var json = Run("diagnose", "--why", time, "--format", "json");
            Assert.Contains("Landed: ", text.Out, StringComparison.Ordinal);
            AssertNoSecret(text.Out);
            AssertNoSecret(json.Out);
        }
    }

    [Fact]
    public void The_tui_shows_no_secret_in_its_rows_nor_in_any_event_detail()
    {
        using var store = EventStore.OpenRead(_incident.Store);
        var session = new TuiSession(store, "secrets.lcdb", null, 200, 60);
        Assert.True(session.Open("events"));
        long rows = Assert.NotNull(session.View().Results.Total);
        var frames = new StringBuilder();
        // Every frame as Terminal.Gui draws it (headless), the detail open on each row in turn.
        using var screen = new ScreenHarness(session, 200, 60);
        screen.Press(Terminal.Gui.Input.Key.Enter);
        for (int i = 0; i < rows; i++)
        {
            frames.Append(screen.Text).Append('\n');
            screen.Press(Terminal.Gui.Input.Key.CursorDown);
        }

        string all = frames.ToString();
        Assert.True(rows >= 7 * SecretCorpus.Lines.Count, $"{rows} rows");
        AssertNoSecret(all);
        Assert.Contains("Password=*****", all, StringComparison.Ordinal);
        Assert.Contains("Server=db01", all, StringComparison.Ordinal);
    }

    [Fact]
    public void The_store_holds_no_secret_in_any_of_its_bytes()
    {
        // Checkpoint so the log file's pages are in the data file too; both are read.
        using (var db = new LiteDatabase($"Filename={_incident.Store};Connection=direct;ReadOnly=false"))
            db.Checkpoint();
        var files = Directory.GetFiles(Path.GetDirectoryName(_incident.Store)!, Path.GetFileNameWithoutExtension(_incident.Store) + "*");
        Assert.Contains(files, f => f.EndsWith(".lcdb", StringComparison.Ordinal));
        foreach (string file in files.Where(File.Exists))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.Empty(SecretCorpus.Leaks(Encoding.Latin1.GetString(bytes)));
            Assert.Empty(SecretCorpus.Leaks(Encoding.Unicode.GetString(bytes)));
            if (bytes.Length > 1)
                if (bytes.Length > 1)
                Assert.Empty(SecretCorpus.Leaks(Encoding.Unicode.GetString(bytes, 1, bytes.Length - 1)));
        }
    }
}
