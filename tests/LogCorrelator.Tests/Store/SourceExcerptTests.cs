using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Store;
using LogCorrelator.Tests.Support;
using LogCorrelator.Time;

namespace LogCorrelator.Tests.Store;

public sealed class SourceExcerptTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private EventLocation At(string text, Encoding encoding, SourceEncoding stored, int entryLine, int entryLines)
    {
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();
        string path = _folder.File("app.log", bytes);
        var lines = text.Split('\n');
        long offset = encoding.GetPreamble().Length + encoding.GetByteCount(string.Join("\n", lines.Take(entryLine - 1)) + (entryLine > 1 ? "\n" : ""));
        int length = encoding.GetByteCount(string.Join("\n", lines.Skip(entryLine - 1).Take(entryLines)) + "\n");
        var source = new SourceRecord(1, path, "app.log", "test", stored, bytes.Length, 0, OffsetOrigin.Assumed, null, null, 0, 0, null, null);
        return new EventLocation(source, offset, length, entryLine);
    }

    private static string Numbered(int from, int to) => string.Concat(Enumerable.Range(from, to - from + 1).Select(n => $"line {n}\n"));

    [Fact]
    public void Reads_the_entry_and_context_lines_around_it_with_their_numbers()
    {
        var at = At(Numbered(1, 10), Encoding.UTF8, SourceEncoding.Utf8, 5, 2);

        var lines = SourceExcerpt.Read(at, 2, 3);

        Assert.Equal([(3, "line 3", false), (4, "line 4", false), (5, "line 5", true), (6, "line 6", true), (7, "line 7", false), (8, "line 8", false), (9, "line 9", false)],
            lines.Select(l => (l.Number, l.Text, l.InEntry)));
    }

    [Fact]
    public void Context_stops_at_the_start_and_the_end_of_the_file()
    {
        var first = SourceExcerpt.Read(At(Numbered(1, 4), Encoding.UTF8, SourceEncoding.Utf8, 1, 1), 3, 1);
        var last = SourceExcerpt.Read(At(Numbered(1, 4), Encoding.UTF8, SourceEncoding.Utf8, 4, 1), 1, 3);

        Assert.Equal(["line 1", "line 2"], first.Select(l => l.Text));
        Assert.Equal(["line 3", "line 4"], last.Select(l => l.Text));
    }

    [Fact]
    public void Reads_utf16_errorlogs_with_a_bom_and_crlf()
    {
        string text = "2024-03-05 06:31:50.12 spid8s  SQL Server is terminating.\r\n2024-03-05 06:32:04.31 Server  Microsoft SQL Server 2019\r\n2024-03-05 06:32:04.31 Server  UTC adjustment: -5:00\r\n";
        var at = At(text, Encoding.Unicode, SourceEncoding.Utf16LE, 2, 1);

        var lines = SourceExcerpt.Read(at, 3, 3);

        Assert.Equal(
        [
            (1, "2024-03-05 06:31:50.12 spid8s  SQL Server is terminating.", false),
            (2, "2024-03-05 06:32:04.31 Server  Microsoft SQL Server 2019", true),
            (3, "2024-03-05 06:32:04.31 Server  UTC adjustment: -5:00", false),
        ], lines.Select(l => (l.Number, l.Text, l.InEntry)));
    }

    [Fact]
    public void Context_lines_are_redacted_like_every_text_that_leaves_a_file()
    {
        var at = At("Connection string: Server=db;User ID=app;Password=S3cr3t!;Encrypt=False\nerror 10054\n", Encoding.UTF8, SourceEncoding.Utf8, 2, 1);

        var lines = SourceExcerpt.Read(at, 1, 1);

        Assert.Equal("Connection string: Server=db;User ID=app;Password=*****;Encrypt=False", lines[0].Text);
    }

    [Fact]
    public void A_context_line_longer_than_the_window_is_left_out_rather_than_shown_cut()
    {
        string text = "x" + new string('y', SourceExcerpt.ContextWindow) + "\nline 2\nentry\n";
        var at = At(text, Encoding.UTF8, SourceEncoding.Utf8, 3, 1);

        var lines = SourceExcerpt.Read(at, 2, 1);

        Assert.Equal([(2, "line 2", false), (3, "entry", true)], lines.Select(l => (l.Number, l.Text, l.InEntry)));
    }

    [Fact]
    public void A_missing_file_is_said_in_place_of_the_lines()
    {
        var at = At(Numbered(1, 3), Encoding.UTF8, SourceEncoding.Utf8, 2, 1);
        File.Delete(at.Source.Path);

        var lines = SourceExcerpt.Read(at, 1, 1);

        Assert.StartsWith("<source unreadable: ", Assert.Single(lines).Text);
    }

    public void Dispose() => _folder.Dispose();
}
