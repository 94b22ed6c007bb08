using LogCorrelator.Cli.Tui;
using LogCorrelator.Store;
using LogCorrelator.Tests.Cli;
using LogCorrelator.Tests.Support;
using Terminal.Gui.Input;

namespace LogCorrelator.Tests.Tui;

/// <summary>x's export dialog in the headless driver, over the sample incident (whose app log holds a password).</summary>
public sealed class TuiExportDialogTests : IClassFixture<SampleStore>, IDisposable
{
    private readonly SampleStore _sample;
    private readonly EventStore _store;
    private readonly TempFolder _folder = new();

    public TuiExportDialogTests(SampleStore sample)
    {
        _sample = sample;
        _store = EventStore.OpenRead(sample.Path);
    }

    private ScreenHarness Open(string query)
    {
        var session = new TuiSession(_store, "incident.lcdb", new TuiContext { ExportFolder = _folder.Path }, 120, 40);
        Assert.True(session.Open(query));
        return new ScreenHarness(session, 120, 40);
    }

    private static string NonEmptyLines(string path) =>
        string.Join('\n', File.ReadAllLines(path).Where(l => l.Length > 0));

    [Fact]
    public void The_dialog_writes_the_format_chosen_with_the_same_text_and_masking_as_logcorr_query()
    {
        using var h = Open("events");

        h.Press(new Key('x'));
        Assert.NotNull(h.Screen.ExportDialog);
        Assert.Contains("┤Export├", h.Text);
        Assert.Contains("│ Export all 876 results of 'events' (secrets masked as in logcorr query)│", h.Text);
        Assert.Contains("│ File:    logcorr-export.csv ", h.Text);
        Assert.Contains("│ Format:  ◉ CSV  ○ JSON ", h.Text);
        Assert.Contains("Cancel", h.Text);
        Assert.Contains("OK", h.Text);

        // The name typed, then the JSON option: the name's extension follows it.
        h.Press(Key.End);
        for (int i = 0; i < "logcorr-export.csv".Length; i++)
            h.Press(Key.Backspace);
        h.Type("all-events");
        h.Press(Key.Tab, Key.CursorRight, Key.Space);
        Assert.Contains("│ Format:  ○ CSV  ◉ JSON ", h.Text);
        Assert.Contains("│ File:    all-events.json ", h.Text);
        h.Press(Key.Enter);

        Assert.Null(h.Screen.ExportDialog);
        Assert.DoesNotContain("┤Export├", h.Text);
        Assert.StartsWith(" exported 876 rows to ", h.Rows[^1]);
        string written = NonEmptyLines(Path.Combine(_folder.Path, "all-events.json"));
        var query = CliRun.Of("query", "events", "--store", _sample.Path, "--format", "json");
        Assert.Equal(query.Text, written);
        Assert.Contains("Password=*****", written);
        Assert.DoesNotContain("S3cr3t!", written);
    }

    [Fact]
    public void Marked_rows_go_to_csv_with_Enter_in_the_name_and_Esc_closes_without_writing_or_quitting()
    {
        using var h = Open("errors");

        h.Press(new Key('m'), Key.CursorDown, Key.CursorDown, new Key('m'));
        h.Press(new Key('x'));
        Assert.Contains("│ Export the 2 marked rows (secrets masked as in logcorr query)", h.Text);
        h.Press(Key.Enter);

        var csv = File.ReadAllLines(Path.Combine(_folder.Path, "logcorr-export.csv"));
        Assert.Equal(3, csv.Length);
        Assert.StartsWith("time,host,kind,code,message,", csv[0]);
        Assert.Null(h.Screen.ExportDialog);

        h.Press(new Key('x'));
        Assert.NotNull(h.Screen.ExportDialog);
        h.Press(Key.Esc);
        Assert.Null(h.Screen.ExportDialog);
        Assert.DoesNotContain("┤Export├", h.Text);
        Assert.False(h.Quitted);
        Assert.Single(Directory.GetFiles(_folder.Path));
        // The screen has the keys again.
        h.Press(Key.CursorDown);
        Assert.Contains("Results · errors", h.Text);
    }

    [Fact]
    public void A_file_that_cannot_be_written_leaves_the_error_in_the_dialog()
    {
        using var h = Open("errors");

        h.Press(new Key('x'), Key.End);
        for (int i = 0; i < "logcorr-export.csv".Length; i++)
            h.Press(Key.Backspace);
        h.Type("no-such-folder/out.csv");
        h.Press(Key.Enter);

        Assert.NotNull(h.Screen.ExportDialog);
        Assert.StartsWith("error: Could not find a part of the path", h.Screen.ExportDialog!.ErrorText);
        Assert.Contains("│ error: Could not find a part of the path", h.Text);
    }

    public void Dispose()
    {
        _store.Dispose();
        _folder.Dispose();
    }
}
