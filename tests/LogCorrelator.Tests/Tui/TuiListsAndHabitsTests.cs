using LogCorrelator.Cli.Tui;
using LogCorrelator.Query.Saved;
using LogCorrelator.Tests.Query;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Tui;

/// <summary>The lists (saved queries, diagnosis, sources, raw lines) and the lnav habits (find, next error, go to, marks, copy, export), driven by keys.</summary>
public sealed class TuiListsAndHabitsTests : IClassFixture<IncidentFixture>
{
    private readonly IncidentFixture _incident;

    public TuiListsAndHabitsTests(IncidentFixture incident) => _incident = incident;

    private TuiSession Opened(string query = "errors", TuiContext? context = null)
    {
        var s = new TuiSession(_incident.Store, "incident.lcdb", context, 160, 48);
        Assert.True(s.Open(query));
        return s;
    }

    private static void Press(TuiSession s, params ConsoleKeyInfo[] keys)
    {
        foreach (var k in keys)
            Assert.True(s.Handle(k));
    }

    private static void Type(TuiSession s, string text) => Press(s, [.. Keys.Text(text)]);

    private static string Selected(TuiSession s)
    {
        var v = s.View().Results;
        return Utc.Text(DateTimeOffset.FromUnixTimeMilliseconds(v.Rows[v.Selected].Time));
    }

    private static QueryLibrary Library(string text)
    {
        var library = QueryLibrary.Load(null, null);
        library.AddText(text, "test.lcq", builtIn: true);
        return library;
    }

    [Fact]
    public void The_saved_list_shows_saved_queries_before_the_examples_and_Enter_runs_one_with_its_references()
    {
        var library = Library("unexplained = errors not near (restart or shutdown or kill) within 5m\nby-host = @unexplained | count by host\n");
        var s = Opened(context: new TuiContext { Library = library });

        Press(s, Keys.Char('s'));
        var list = s.View().Overlay!;
        Assert.Equal(TuiSession.SavedNote, list.Note);
        Assert.Equal("@unexplained            errors not near (restart or shutdown or kill) within 5m", list.Items[0]);
        Assert.Equal("@by-host                @unexplained | count by host", list.Items[1]);
        Assert.Equal(ExampleQueries.All[0], list.Items[2]);

        Press(s, Keys.Of(ConsoleKey.Enter));
        // Only 10:15:00.250 is more than 5 minutes from every restart, shutdown and kill (11:28:41.337 is 3m09s before the shutdown).
        Assert.Equal(1, s.View().Results.Total);
        Assert.Equal("errors not near (restart or shutdown or kill) within 5m", s.View().Results.Query);
    }

    [Fact]
    public void W_saves_the_current_query_under_a_name_in_the_users_file_and_a_bad_name_stays_in_the_bar()
    {
        using var folder = new TempFolder();
        string file = folder.Combine("incident.lcdb.queries.lcq");
        var s = Opened("errors 10054 near restart within 5m", new TuiContext { UserQueryFile = file });

        Press(s, Keys.Char('w'));
        Type(s, "9lives");
        Press(s, Keys.Of(ConsoleKey.Enter));
        Assert.Equal(TuiMode.Query, s.Mode);
        Assert.Equal("'9lives' is not a query name: a letter, then letters, digits, '-' or '_'", s.View().QueryBar!.Error);

        Press(s, Keys.Ctrl(ConsoleKey.U));
        Type(s, "restart-drops");
        Press(s, Keys.Of(ConsoleKey.Enter));
        Assert.Equal(TuiMode.Browse, s.Mode);
        var saved = QueryLibrary.Load(null, file).Find("restart-drops");
        Assert.Equal("errors 10054 near restart within 5m", saved!.Text);
        Assert.StartsWith("saved 'restart-drops' in ", s.View().Status);
    }

    [Fact]
    public async Task D_shows_the_ranked_causes_and_Enter_on_an_evidence_line_jumps_to_its_moment()
    {
        var s = Opened();

        Press(s, Keys.Char('d'));
        // The session alone: the worker posts its result inline, so waiting on it is enough.
        await s.Diagnosing!;
        var list = s.View().Overlay!;
        Assert.StartsWith("Diagnosis", list.Title);
        Assert.Equal("   8 client errors; 3 causes found; 3 unexplained", list.Items[0]);
        Assert.Equal("   #1 Sessions killed (KILL) · explains 2 of 8 errors · confidence 0.90", list.Items[2]);
        Assert.Contains("   #2 SQL Server restarted or shut down · explains 2 of 8 errors · confidence 0.90", list.Items);
        // The first evidence line is selected: the kill. Enter takes the timeline and results to its time.
        Assert.Equal("-> 2024-03-05 11:47:22.400  SQLPROD01  kill  SQLPROD01/ERRORLOG:5  Process ID 87 was killed by hostname APPSRV01, host process ID 4412.", list.Items[list.Selected]);
        Press(s, Keys.Of(ConsoleKey.Enter));
        Assert.Equal(TuiMode.Browse, s.Mode);
        Assert.StartsWith("at the evidence's moment: 2024-03-05 11:47:22.400 UTC", s.View().Status);
        Assert.Equal(Utc.Ms("11:47:00"), s.View().Timeline.CursorStart);
        Assert.Equal("11:47:23.015", Selected(s));

        // Down to the restart's evidence (#2): the errors after it are selected.
        Press(s, Keys.Char('d'));
        int restart = s.View().Overlay!.Items.ToList().FindIndex(i => i.Contains("  restart  SQLPROD01/ERRORLOG:2", StringComparison.Ordinal));
        for (int i = s.View().Overlay!.Selected; i < restart; i++)
            Press(s, Keys.Of(ConsoleKey.DownArrow));
        Press(s, Keys.Of(ConsoleKey.Enter));
        Assert.Equal("11:32:06.480", Selected(s));
    }

    [Fact]
    public void O_lists_the_sources_as_logcorr_sources_prints_them()
    {
        var s = Opened();

        Press(s, Keys.Char('o'));
        var items = s.View().Overlay!.Items;
        Assert.StartsWith("SOURCE", items[0]);
        Assert.Contains(items, i => i.StartsWith("APPSRV01/orders-api.log", StringComparison.Ordinal));
        Assert.Equal("4 sources, 14 events in ", items[^1][..24]);
        Press(s, Keys.Of(ConsoleKey.Escape));
        Assert.Null(s.View().Overlay);
    }

    [Fact]
    public void X_asks_for_the_export_dialog_and_Export_writes_the_results_or_only_the_marked_rows()
    {
        using var folder = new TempFolder();
        var s = Opened(context: new TuiContext { ExportFolder = folder.Path });
        int asked = 0;
        s.ExportAsked += () => asked++;

        Press(s, Keys.Char('x'));
        Assert.Equal(1, asked);
        Assert.Equal("all 8 results of 'errors'", s.ExportWhat);
        Assert.Null(s.Export("all.csv", json: false));
        var csv = File.ReadAllLines(folder.Combine("all.csv"));
        Assert.Equal(9, csv.Length);
        Assert.StartsWith("time,host,kind,code,message,", csv[0]);
        Assert.StartsWith("exported 8 rows to ", s.View().Status);

        Press(s, Keys.Char('m'), Keys.Of(ConsoleKey.DownArrow), Keys.Of(ConsoleKey.DownArrow), Keys.Char('m'));
        Assert.Equal("the 2 marked rows", s.ExportWhat);
        Assert.Null(s.Export("marked", json: true));
        string json = File.ReadAllText(folder.Combine("marked"));
        Assert.Contains("2024-03-05T10:15:00.250Z", json);
        Assert.Contains("2024-03-05T11:29:30.118Z", json);
        Assert.DoesNotContain("2024-03-05T11:28:41.337Z", json);

        Assert.Equal("error: a file name is needed", s.Export("", json: false));
    }

    [Fact]
    public void C_copies_the_marked_rows_and_u_unmarks_them()
    {
        string? copied = null;
        var s = Opened(context: new TuiContext { Copy = t => copied = t });

        Press(s, Keys.Char('c'));
        Assert.StartsWith("2024-03-05 10:15:00.250\tAPPSRV01\terror\t10054\t", copied);
        Press(s, Keys.Of(ConsoleKey.DownArrow), Keys.Char('m'), Keys.Of(ConsoleKey.End), Keys.Char('m'), Keys.Char('c'));
        var lines = copied!.Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("2024-03-05 11:28:41.337\t", lines[0]);
        Assert.StartsWith("2024-03-05 11:47:24.502\t", lines[1]);
        Assert.StartsWith("copied 2 rows to the clipboard (OSC 52) · ", s.View().Status);
        Press(s, Keys.Char('u'));
        Assert.Empty(s.View().Results.Marked);
        Assert.Equal("\u001b]52;c;aGk=\u0007", Osc52.Sequence("hi"));
    }

    [Fact]
    public void F_finds_text_in_the_rows_and_n_and_N_go_to_the_next_and_previous_match()
    {
        var s = Opened("events");

        Press(s, Keys.Char('f'));
        Type(s, "17883");
        Press(s, Keys.Of(ConsoleKey.Enter));
        Assert.Equal("17883", s.View().Results.Search);
        Assert.Equal("11:33:00.000", Selected(s));
        Press(s, Keys.Char('n'));
        Assert.Equal("11:34:00.000", Selected(s));
        Press(s, Keys.Char('n'));
        Assert.StartsWith("'17883' not found after the selected row", s.View().Status);
        Press(s, Keys.Char('N'));
        Assert.Equal("11:33:00.000", Selected(s));
    }

    [Fact]
    public void E_and_v_jump_to_the_next_client_error_and_server_event_and_shift_goes_back()
    {
        var s = Opened("events");

        Press(s, Keys.Char('v'));
        Assert.Equal("11:31:50.120", Selected(s));
        Press(s, Keys.Char('v'));
        Assert.Equal("11:32:04.310", Selected(s));
        Press(s, Keys.Char('e'));
        Assert.Equal("11:32:06.480", Selected(s));
        Press(s, Keys.Char('V'));
        Assert.Equal("11:32:04.310", Selected(s));
        Press(s, Keys.Char('E'));
        Assert.Equal("11:29:30.118", Selected(s));
    }

    [Fact]
    public void G_goes_to_a_typed_time_and_refuses_what_is_not_one()
    {
        var s = Opened();

        Press(s, Keys.Char('g'), Keys.Ctrl(ConsoleKey.U));
        Type(s, "11:30");
        Press(s, Keys.Of(ConsoleKey.Enter));
        Assert.Equal("11:32:06.480", Selected(s));
        Assert.Equal(Utc.Ms("11:30:00"), s.View().Timeline.CursorStart);

        Press(s, Keys.Char('g'), Keys.Ctrl(ConsoleKey.U));
        Type(s, "2024-03-05 11:47:24");
        Press(s, Keys.Of(ConsoleKey.Enter));
        Assert.Equal("11:47:24.502", Selected(s));

        Press(s, Keys.Char('g'), Keys.Ctrl(ConsoleKey.U));
        Type(s, "soon");
        Press(s, Keys.Of(ConsoleKey.Enter));
        Assert.Equal("error: 'soon' is not a time: write 2024-03-05 11:32, 2024-03-05 11:32:06.480 or 11:32", s.View().QueryBar!.Error);
    }

    [Fact]
    public void T_shows_every_sources_lines_around_the_selected_row_and_t_goes_back()
    {
        var s = Opened();
        Press(s, Keys.Of(ConsoleKey.DownArrow), Keys.Of(ConsoleKey.DownArrow), Keys.Of(ConsoleKey.DownArrow));

        Press(s, Keys.Char('t'));
        var raw = s.View().Overlay!;
        Assert.StartsWith("Raw lines of every source", raw.Title);
        // The restart and shutdown of SQLPROD01 sit between the app's errors.
        Assert.StartsWith("2024-03-05 11:32:06.480  APPSRV01   error", raw.Items[raw.Selected]);
        Assert.StartsWith("2024-03-05 11:32:04.310  SQLPROD01  restart", raw.Items[raw.Selected - 1]);
        Assert.StartsWith("2024-03-05 11:31:50.120  SQLPROD01  shutdown", raw.Items[raw.Selected - 2]);
        Press(s, Keys.Char('t'));
        Assert.Null(s.View().Overlay);
    }
}
