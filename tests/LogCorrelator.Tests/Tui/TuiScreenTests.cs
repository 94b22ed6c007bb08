using LogCorrelator.Cli.Tui;
using LogCorrelator.Diagnose;
using LogCorrelator.Tests.Query;
using Terminal.Gui.Input;

namespace LogCorrelator.Tests.Tui;

/// <summary>The Terminal.Gui screen over the incident fixture, in the headless driver: what is on screen after keys and clicks.</summary>
public sealed class TuiScreenTests : IClassFixture<IncidentFixture>
{
    private readonly IncidentFixture _incident;

    public TuiScreenTests(IncidentFixture incident) => _incident = incident;

    private ScreenHarness Open(string query = "errors", int width = 160, int height = 48, bool color = true, bool unicode = true)
    {
        var session = new TuiSession(_incident.Store, "incident.lcdb", null, width, height);
        Assert.True(session.Open(query));
        return new ScreenHarness(session, width, height, color, unicode);
    }

    [Fact]
    public void Opens_with_title_timeline_results_and_status_filling_the_screen()
    {
        using var h = Open();
        var rows = h.Rows;

        Assert.Equal(48, rows.Length);
        Assert.All(rows, r => Assert.Equal(160, r.Length));
        Assert.StartsWith(" logcorr tui · incident.lcdb · 14 events · query: errors", rows[0]);
        Assert.StartsWith("╭─Timeline · errors per 1m · cursor 2024-03-05 10:15 +1m: 1 · R restart", rows[1]);
        Assert.Contains("│server " + new string(' ', 76) + "SR" + new string(' ', 14) + "K ", h.Text);
        Assert.Contains("╭─Results · errors · 8 rows · showing 2024-03-05 10:15:00.250 – 2024-03-05 11:47:24.502", h.Text);
        Assert.Contains("│› 2024-03-05 10:15:00.250 APPSRV01 error 10054", h.Text);
        // The status bar: what the last action said and the selected row of how many, then the main keys as shortcuts.
        Assert.StartsWith(" ran 'errors' in ", rows[^1]);
        Assert.Contains(" ms · 2024-03-05 10:15:00.250 of 8 rows │ F1  help │ /  query │ f  find │ s  saved │ d  diagnose │ x  export │ q  quit ", rows[^1]);
    }

    [Fact]
    public void The_status_bar_follows_the_selected_row_and_its_shortcuts_answer_clicks()
    {
        using var h = Open();

        h.Press(Key.CursorDown);
        Assert.Contains(" · 2024-03-05 11:28:41.337 of 8 rows │", h.Rows[^1]);
        Assert.IsType<StatusLine>(h.Screen.SubViews.Single(v => v is Terminal.Gui.Views.StatusBar));

        h.Click(h.Rows[^1].IndexOf("F1  help", StringComparison.Ordinal) + 1, 47);
        Assert.Contains("╭─Help · every key", h.Text);
        h.Press(Key.Esc);
        h.Click(h.Rows[^1].IndexOf("q  quit", StringComparison.Ordinal) + 1, 47);
        Assert.True(h.Quitted);
    }

    [Fact]
    public void Arrow_keys_scroll_the_rows_and_move_the_cursor_and_plus_zooms_in()
    {
        using var h = Open();

        h.Press(Key.CursorDown, Key.CursorDown);
        Assert.Contains("│› 2024-03-05 11:29:30.118", h.Text);
        Assert.Contains("cursor 2024-03-05 11:29 +1m: 1", h.Rows[1]);

        h.Press(Key.End);
        Assert.Contains("│› 2024-03-05 11:47:24.502", h.Text);

        h.Press(new Key('+'));
        Assert.Contains("errors per 30s · cursor 2024-03-05 11:47:00 +30s: 3", h.Rows[1]);
        h.Press(new Key('-'), new Key('-'));
        Assert.Contains("errors per 2m · cursor 2024-03-05 11:46 +2m: 3", h.Rows[1]);
    }

    [Fact]
    public void Counting_in_the_background_a_zoom_draws_at_once_saying_counting_and_the_bars_land_after()
    {
        var session = new TuiSession(_incident.Store, "incident.lcdb", null, 160, 48);
        Assert.True(session.Open("errors"));
        using var h = new ScreenHarness(session, 160, 48);
        session.CountInBackground = true;

        h.Press(Key.End, new Key('+'));
        // Drawn before the window is counted: no bars and a label that says so, the rows already there.
        Assert.Contains("errors (counting…) per 30s · cursor 2024-03-05 11:47:00 +30s: 0", h.Rows[1]);
        Assert.Contains("│› 2024-03-05 11:47:24.502", h.Text);

        Assert.True(h.Pump(() => h.Rows[1].Contains("errors per 30s · cursor 2024-03-05 11:47:00 +30s: 3", StringComparison.Ordinal)), h.Text);
        Assert.Contains("█", h.Text);
    }

    [Fact]
    public void A_typo_in_the_query_bar_shows_the_error_and_caret_under_it_and_the_fixed_query_runs()
    {
        using var h = Open();

        h.Press(new Key('/'));
        Assert.StartsWith("/ errors", h.Rows[^2]);
        h.Press(Key.U.WithCtrl);
        h.Type("errors nera restart within 5m");
        h.Press(Key.Enter);

        var rows = h.Rows;
        Assert.Contains(rows, r => r.StartsWith("error: unexpected 'nera' at column 8", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith(new string(' ', 9) + "^^^^", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("did you mean 'near'?", StringComparison.Ordinal));
        // The rows are still on screen under the timeline.
        Assert.Contains("╭─Results · errors · 8 rows", h.Text);

        h.Press(Key.Home, Key.CursorRight, Key.CursorRight, Key.CursorRight, Key.CursorRight, Key.CursorRight, Key.CursorRight, Key.CursorRight);
        h.Press(Key.Delete, Key.Delete, Key.Delete, Key.Delete);
        h.Type("near");
        h.Press(Key.Enter);
        Assert.Contains("╭─Results · errors near restart within 5m · 4 rows", h.Text);
        Assert.StartsWith(" ran 'errors near restart within 5m'", h.Rows[^1]);
    }

    [Fact]
    public void Up_in_the_query_bar_brings_back_the_last_query_and_Tab_completes_a_word()
    {
        using var h = Open();
        h.Press(new Key('/'), Key.U.WithCtrl);
        h.Type("restart");
        h.Press(Key.Enter);

        h.Press(new Key('/'), Key.U.WithCtrl, Key.CursorUp);
        Assert.Equal("restart", h.Screen.FieldText);
        h.Press(Key.CursorUp);
        Assert.Equal("errors", h.Screen.FieldText);
        h.Press(Key.CursorDown, Key.CursorDown);
        Assert.Equal("", h.Screen.FieldText);

        h.Type("errors 10054 nea");
        h.Press(Key.Tab);
        Assert.Equal("errors 10054 near ", h.Screen.FieldText);
        h.Type("rest");
        h.Press(Key.Tab);
        Assert.Equal("errors 10054 near restart ", h.Screen.FieldText);
    }

    [Fact]
    public void S_opens_the_saved_queries_and_Enter_runs_the_selected_one()
    {
        using var h = Open();

        h.Press(new Key('s'));
        Assert.Contains("╭─Saved queries", h.Text);
        Assert.Contains("│› errors", h.Text);
        h.Press(Key.CursorDown, Key.CursorDown, Key.Enter);

        Assert.Contains("╭─Results · errors 10054 near restart within 5m · 2 rows", h.Text);
    }

    [Fact]
    public void Enter_opens_the_detail_with_the_raw_lines_and_what_justified_the_match()
    {
        using var h = Open("errors near restart within 5m");

        h.Press(Key.Enter);

        Assert.Contains("Detail · ", h.Text);
        Assert.Contains("APPSRV01/orders-api.log:2 · Enter/Esc close", h.Text);
        Assert.Contains("│> 2 | 11:28:41.337 Execution Timeout Expired.", h.Text);
        Assert.Contains("│justified by 1 event:", h.Text);
        h.Press(Key.Esc);
        Assert.DoesNotContain("Detail · ", h.Text);
    }

    [Fact]
    public void D_diagnoses_on_a_worker_while_the_keys_keep_working_and_the_result_comes_back_to_the_screen()
    {
        using var gate = new ManualResetEventSlim();
        int? worker = null;
        var context = new TuiContext
        {
            Diagnose = store =>
            {
                worker = Environment.CurrentManagedThreadId;
                gate.Wait();
                return DiagnosisEngine.Run(store, new DiagnoseOptions());
            },
        };
        var session = new TuiSession(_incident.Store, "incident.lcdb", context, 160, 48);
        Assert.True(session.Open("errors"));
        using var h = new ScreenHarness(session, 160, 48);

        h.Press(new Key('d'));
        Assert.Contains("│›    " + TuiSession.DiagnosingLine, h.Text);
        Assert.StartsWith(" diagnosing… · ", h.Rows[^1]);

        // The diagnosis is held: Esc closes its list, and the rows still move.
        h.Press(Key.Esc, Key.CursorDown, Key.CursorDown);
        Assert.Contains("│› 2024-03-05 11:29:30.118", h.Text);
        Assert.False(session.Diagnosing!.IsCompleted);

        gate.Set();
        Assert.True(h.Pump(() => h.Rows[^1].StartsWith(" diagnosis done: d shows it", StringComparison.Ordinal)), h.Text);
        Assert.NotEqual(Environment.CurrentManagedThreadId, worker);
        // The rows stayed where the keys took them.
        Assert.Contains("│› 2024-03-05 11:29:30.118", h.Text);

        h.Press(new Key('d'));
        Assert.Contains("#1 Sessions killed (KILL) · explains 2 of 8 errors", h.Text);
        Assert.Contains("│› -> 2024-03-05 11:47:22.400  SQLPROD01  kill", h.Text);
    }

    [Fact]
    public void F_highlights_the_found_text_inside_its_cells_only_and_n_and_N_move_between_the_rows_holding_it()
    {
        using var h = Open();
        var palette = new Palette(true);

        h.Press(new Key('f'));
        h.Type("SENDING");
        h.Press(Key.Enter);
        // The first row holding it after the selected one (10:15:00.250 holds it too).
        Assert.Contains("│› 2024-03-05 11:29:30.118", h.Text);
        Assert.Contains("· search 'SENDING'", h.Text);

        // Every row holding the text: its letters in the found paint, the cells either side in the row's own.
        var holding = h.Rows.Select((r, y) => (r, y)).Where(t => t.r.Contains("│") && t.r.Contains("sending", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, holding.Count);
        foreach (var (row, y) in holding)
        {
            int at = row.IndexOf("sending", StringComparison.Ordinal);
            for (int x = at; x < at + "sending".Length; x++)
                Assert.Equal(palette[Paint.Found], h.AttributeAt(x, y));
            Assert.NotEqual(palette[Paint.Found], h.AttributeAt(at - 1, y));
            Assert.NotEqual(palette[Paint.Found], h.AttributeAt(at + "sending".Length, y));
            Assert.Equal(h.AttributeAt(at - 1, y), h.AttributeAt(at + "sending".Length, y));
            // The time at the row's start is drawn as the row is, not highlighted.
            Assert.NotEqual(palette[Paint.Found], h.AttributeAt(row.IndexOf("2024", StringComparison.Ordinal), y));
        }
        // The selected row stays reversed around its match; an unselected one is plain.
        var selected = holding.Single(t => t.r.Contains("› 2024-03-05 11:29:30.118", StringComparison.Ordinal));
        Assert.Equal(palette[Paint.Selected], h.AttributeAt(selected.r.IndexOf("sending", StringComparison.Ordinal) - 1, selected.y));
        var other = holding.First(t => t.y != selected.y);
        Assert.Equal(palette[Paint.Normal], h.AttributeAt(other.r.IndexOf("sending", StringComparison.Ordinal) - 1, other.y));
        // Rows without the text have no found paint at all.
        int timeout = Array.FindIndex(h.Rows, r => r.Contains("Execution Timeout Expired", StringComparison.Ordinal));
        Assert.DoesNotContain(Enumerable.Range(0, 160), x => h.AttributeAt(x, timeout) == palette[Paint.Found]);

        h.Press(new Key('n'));
        Assert.Contains("│› 2024-03-05 11:32:06.480", h.Text);
        h.Press(new Key('N'));
        Assert.Contains("│› 2024-03-05 11:29:30.118", h.Text);
    }

    /// <summary>A session whose searches run on a worker, as in the TUI; the first search waits for <paramref name="gate"/> (or its cancellation).</summary>
    private TuiSession Searching(ManualResetEventSlim gate, Action<bool> firstEnded)
    {
        int calls = 0;
        var context = new TuiContext
        {
            FindStarted = token =>
            {
                if (Interlocked.Increment(ref calls) != 1)
                    return;
                try
                {
                    gate.Wait(token);
                }
                finally
                {
                    firstEnded(token.IsCancellationRequested);
                }
            },
        };
        var session = new TuiSession(_incident.Store, "incident.lcdb", context, 160, 48) { SearchInBackground = true };
        Assert.True(session.Open("errors"));
        return session;
    }

    /// <summary>A screen on which <c>f SENDING Enter</c> started a search that <paramref name="gate"/> holds.</summary>
    private ScreenHarness StartHeldSearch(ManualResetEventSlim gate, Action<bool> firstEnded, out TuiSession session)
    {
        session = Searching(gate, firstEnded);
        var h = new ScreenHarness(session, 160, 48);
        h.Press(new Key('f'));
        h.Type("SENDING");
        h.Press(Key.Enter);
        return h;
    }

    [Fact]
    public void F_searches_on_a_worker_while_the_keys_keep_working_and_selects_the_match_when_it_lands()
    {
        using var gate = new ManualResetEventSlim();
        bool? cancelled = null;
        using var h = StartHeldSearch(gate, c => cancelled = c, out var session);
        // Held: the status says so, the text is highlighted already, the selection has not moved.
        Assert.StartsWith(" searching… for 'SENDING' · Esc cancels · 2024-03-05 10:15:00.250 of 8 rows", h.Rows[^1]);
        Assert.Contains("· search 'SENDING'", h.Text);
        Assert.Contains("│› 2024-03-05 10:15:00.250", h.Text);

        // The keys keep working while it searches.
        h.Press(Key.CursorDown);
        Assert.Contains("│› 2024-03-05 11:28:41.337", h.Text);
        Assert.False(session.Finding!.IsCompleted);

        gate.Set();
        Assert.True(h.Pump(() => h.Rows[^1].StartsWith(" found 'SENDING' at 2024-03-05 11:29:30.118", StringComparison.Ordinal)), h.Text);
        // The match after the row selected when the search began, selected now.
        Assert.Contains("│› 2024-03-05 11:29:30.118", h.Text);
        Assert.False(cancelled);
    }

    [Fact]
    public void A_new_search_cancels_the_one_running_and_only_the_new_one_lands()
    {
        using var gate = new ManualResetEventSlim();
        bool? cancelled = null;
        using var h = StartHeldSearch(gate, c => cancelled = c, out var session);
        var first = session.Finding!;
        // N from the first row: nothing before it. Had the first search landed, it would select 11:29:30.118.
        h.Press(new Key('N'));
        Assert.True(h.Pump(() => first.IsCompleted && h.Rows[^1].StartsWith(" 'SENDING' not found before the selected row", StringComparison.Ordinal)), h.Text);
        Assert.True(cancelled);
        Assert.True(h.Pump(() => session.Finding!.IsCompleted));
        Assert.Contains("│› 2024-03-05 10:15:00.250", h.Text);
        Assert.StartsWith(" 'SENDING' not found before the selected row", h.Rows[^1]);
    }

    [Fact]
    public void Esc_cancels_a_running_search_without_quitting()
    {
        using var gate = new ManualResetEventSlim();
        bool? cancelled = null;
        using var h = StartHeldSearch(gate, c => cancelled = c, out var session);
        var first = session.Finding!;
        h.Press(Key.Esc);
        Assert.False(h.Quitted);
        Assert.StartsWith(" search cancelled · 2024-03-05 10:15:00.250 of 8 rows", h.Rows[^1]);
        Assert.True(h.Pump(() => first.IsCompleted));
        Assert.True(cancelled);
        Assert.Contains("│› 2024-03-05 10:15:00.250", h.Text);
        Assert.StartsWith(" search cancelled", h.Rows[^1]);
        // With no search running, Esc quits as before.
        h.Press(Key.Esc);
        Assert.True(h.Quitted);
    }

    [Fact]
    public void The_first_frame_draws_before_the_histogram_and_total_are_counted_and_they_fill_in_when_counted()
    {
        // As in the TUI: the first frame's histogram is counted on a worker, landing through Pump.
        var session = new TuiSession(_incident.Store, "incident.lcdb", null, 160, 48) { CountInBackground = true };
        Assert.True(session.Open("errors"));
        using var h = new ScreenHarness(session, 160, 48);

        Assert.StartsWith("╭─Timeline · errors (counting…) per 1m", h.Rows[1]);
        Assert.DoesNotContain("│server " + new string(' ', 76) + "SR", h.Text);
        // The rows are there; their number waits for the count.
        Assert.Contains("╭─Results · errors · rows being counted · showing 2024-03-05 10:15:00.250 – 2024-03-05 11:47:24.502", h.Text);
        Assert.Contains("│› 2024-03-05 10:15:00.250 APPSRV01 error 10054", h.Text);
        Assert.Contains(" · 2024-03-05 10:15:00.250 of rows being counted │ F1  help", h.Rows[^1]);

        Assert.True(h.Pump(() => h.Rows[1].StartsWith("╭─Timeline · errors per 1m · cursor 2024-03-05 10:15 +1m: 1 · R restart", StringComparison.Ordinal)), h.Text);
        Assert.Contains("│server " + new string(' ', 76) + "SR" + new string(' ', 14) + "K ", h.Text);
        Assert.Contains("╭─Results · errors · 8 rows · showing 2024-03-05 10:15:00.250 – 2024-03-05 11:47:24.502", h.Text);
        Assert.Contains(" · 2024-03-05 10:15:00.250 of 8 rows │ F1  help", h.Rows[^1]);
    }

    [Fact]
    public void F1_and_question_mark_show_every_key_and_close_again()
    {
        using var h = Open();

        h.Press(Key.F1);
        Assert.Contains("╭─Help · every key", h.Text);
        foreach (string line in HelpText.Lines)
            Assert.Contains(line, h.Text);
        h.Press(Key.Esc);
        Assert.DoesNotContain("Help · every key", h.Text);
        h.Press(new Key('?'));
        Assert.Contains("╭─Help · every key", h.Text);
    }

    [Fact]
    public void Clicking_a_bar_narrows_the_results_to_its_bucket()
    {
        using var h = Open();

        // Column 77 is 11:32, with the errors at 11:32:06.480 and :07.112; the border and gutter come first.
        h.Click(1 + ScreenLayout.Gutter + 77, 5);

        Assert.Contains("query: errors between 2024-03-05 11:32:00.000 and 2024-03-05 11:32:59.999", h.Rows[0]);
        Assert.Contains("· 2 rows · showing 2024-03-05 11:32:06.480 – 2024-03-05 11:32:07.112", h.Text);
    }

    [Fact]
    public void The_wheel_zooms_in_at_the_pointer_and_clicking_a_row_selects_it()
    {
        using var h = Open();

        h.Click(1 + ScreenLayout.Gutter + 77, 5, MouseFlags.WheeledUp);
        Assert.Contains("errors per 30s · cursor 2024-03-05 11:32:00 +30s: 2", h.Rows[1]);

        int row = Array.FindIndex(h.Rows, r => r.Contains("11:47:23.015", StringComparison.Ordinal));
        h.Click(10, row);
        Assert.Contains("│› 2024-03-05 11:47:23.015", h.Text);
    }

    [Fact]
    public void Q_and_Ctrl_C_ask_to_quit()
    {
        using (var h = Open())
        {
            h.Press(new Key('q'));
            Assert.True(h.Quitted);
        }
        using (var h = Open())
        {
            h.Press(Key.C.WithCtrl);
            Assert.True(h.Quitted);
        }
    }

    [Fact]
    public void A_resize_lays_the_screen_out_again_and_a_tiny_terminal_says_so()
    {
        using var h = Open();

        h.Resize(100, 30);
        Assert.Equal(30, h.Rows.Length);
        Assert.All(h.Rows, r => Assert.Equal(100, r.Length));
        Assert.StartsWith("╭─Timeline · errors per 1m", h.Rows[1]);
        Assert.EndsWith("╮", h.Rows[1]);

        h.Resize(40, 10);
        Assert.StartsWith("terminal too small: 40x10, logcorr tui …", h.Rows[0]);
    }

    [Fact]
    public void Without_unicode_the_boxes_and_bars_are_ascii()
    {
        using var h = Open(unicode: false);

        Assert.StartsWith("+-Timeline", h.Rows[1]);
        Assert.Contains("|> 2024-03-05 10:15:00.250", h.Text);
        Assert.Contains("##", h.Text);
        Assert.DoesNotContain("█", h.Text);
        Assert.DoesNotContain("│", h.Text);
        // The status bar's shortcuts are set apart by spacing alone.
        Assert.Contains(" 8 rows   F1  help   /  query   f  find   s  saved ", h.Rows[^1]);
    }
}
