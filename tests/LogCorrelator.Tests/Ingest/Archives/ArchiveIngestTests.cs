using System.Text.RegularExpressions;
using LogCorrelator.Ingest;
using LogCorrelator.Store;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Ingest.Archives;

public sealed partial class ArchiveIngestTests
{
    private const string ErrorLog = "#lines\n2024-03-05 11:31:50.000 shutdown stop requested\n2024-03-05 11:32:04.000 restart starting\n";
    private const string App = "#lines\n2024-03-05 11:32:06.000 error 10054 reset\n";

    private static List<FileResult> Ingest(EventStore store, params string[] paths) =>
        new IngestRunner(store, new IngestOptions(), [new LinesFormat()]).Run(paths).ToList();

    private static (string, FileOutcome, long, string?, string?) Line(FileResult r) => (r.RelativePath, r.Outcome, r.Events, r.Host, r.Reason);

    [GeneratedRegex("/s\\.lcdb\\.files/bundle\\.zip-[0-9a-f]{8}/SQLPROD01/ERRORLOG$")]
    private static partial Regex ExtractedErrorLog();

    [Fact]
    public void A_zip_is_extracted_next_to_the_store_and_its_files_are_ingested_under_the_zip_name()
    {
        using var dir = new TempFolder();
        string zip = ZipBuilder.Write(dir.Combine("in/bundle.zip"), ("SQLPROD01/ERRORLOG", ErrorLog), ("APPSRV01\\Logs\\app.log", App));
        using var store = EventStore.Open(dir.Combine("s.lcdb"));

        var results = Ingest(store, zip);

        Assert.Equal(
        [
            ("bundle.zip", FileOutcome.Expanded, 0L, null, "zip archive, 2 files extracted"),
            ("bundle.zip/SQLPROD01/ERRORLOG", FileOutcome.Ingested, 2L, "SQLPROD01", null),
            ("bundle.zip/APPSRV01/Logs/app.log", FileOutcome.Ingested, 1L, "APPSRV01", null),
        ], results.Select(Line));
        Assert.Matches(ExtractedErrorLog(), results[1].Path.Replace('\\', '/'));
        Assert.Equal(ErrorLog, File.ReadAllText(results[1].Path));
        Assert.Equal(["bundle.zip/APPSRV01/Logs/app.log", "bundle.zip/SQLPROD01/ERRORLOG"], store.Sources().Select(s => s.RelativePath));
    }

    [Fact]
    public void Re_ingesting_extracts_nothing_again_and_finds_the_files_unchanged()
    {
        using var dir = new TempFolder();
        string zip = ZipBuilder.Write(dir.Combine("bundle.zip"), ("SQLPROD01/ERRORLOG", ErrorLog), ("APPSRV01/app.log", App));
        using var store = EventStore.Open(dir.Combine("s.lcdb"));
        string extracted = Ingest(store, zip)[1].Path;
        var written = File.GetLastWriteTimeUtc(extracted);

        var again = Ingest(store, zip);

        Assert.Equal(
        [
            ("bundle.zip", FileOutcome.Expanded, 0L, null, "zip archive, 2 files already extracted"),
            ("bundle.zip/SQLPROD01/ERRORLOG", FileOutcome.Unchanged, 2L, null, null),
            ("bundle.zip/APPSRV01/app.log", FileOutcome.Unchanged, 1L, null, null),
        ], again.Select(Line));
        Assert.Equal(written, File.GetLastWriteTimeUtc(extracted));
        Assert.Equal(3, store.CountEvents());
    }

    [Fact]
    public void A_changed_entry_is_extracted_again_and_replaces_its_events()
    {
        using var dir = new TempFolder();
        string zip = ZipBuilder.Write(dir.Combine("bundle.zip"), ("SQLPROD01/ERRORLOG", ErrorLog), ("APPSRV01/app.log", App));
        using var store = EventStore.Open(dir.Combine("s.lcdb"));
        Ingest(store, zip);
        ZipBuilder.Write(zip, ("SQLPROD01/ERRORLOG", ErrorLog), ("APPSRV01/app.log", App + "2024-03-05 11:32:07.000 error 10054 reset again\n"));

        var again = Ingest(store, zip);

        Assert.Equal(
        [
            ("bundle.zip", FileOutcome.Expanded, 0L, null, "zip archive, 1 file extracted, 1 already extracted"),
            ("bundle.zip/SQLPROD01/ERRORLOG", FileOutcome.Unchanged, 2L, null, null),
            ("bundle.zip/APPSRV01/app.log", FileOutcome.Ingested, 2L, "APPSRV01", null),
        ], again.Select(Line));
        Assert.Equal(4, store.CountEvents());
    }

    [Fact]
    public void Zips_inside_a_folder_are_expanded_and_take_their_host_from_the_folder_around_them()
    {
        using var dir = new TempFolder();
        ZipBuilder.Write(dir.Combine("incident/WEB01/logs.zip"), ("app.log", App));
        ZipBuilder.Write(dir.Combine("incident/bundle.zip"), ("SQLPROD01/ERRORLOG", ErrorLog));
        using var store = EventStore.Open(dir.Combine("s.lcdb"));

        var results = Ingest(store, dir.Combine("incident"));

        Assert.Equal(
        [
            ("WEB01/logs.zip", FileOutcome.Expanded, 0L, null, "zip archive, 1 file extracted"),
            ("WEB01/logs.zip/app.log", FileOutcome.Ingested, 1L, "WEB01", null),
            ("bundle.zip", FileOutcome.Expanded, 0L, null, "zip archive, 1 file extracted"),
            ("bundle.zip/SQLPROD01/ERRORLOG", FileOutcome.Ingested, 2L, "SQLPROD01", null),
        ], results.OrderBy(r => r.RelativePath, StringComparer.Ordinal).Select(Line));
    }

    [Fact]
    public void Two_archives_of_the_same_name_never_share_a_folder()
    {
        using var dir = new TempFolder();
        string a = ZipBuilder.Write(dir.Combine("a/bundle.zip"), ("APPSRV01/app.log", App));
        string b = ZipBuilder.Write(dir.Combine("b/bundle.zip"), ("APPSRV01/app.log", App));
        using var store = EventStore.Open(dir.Combine("s.lcdb"));

        var results = Ingest(store, a, b);

        Assert.Equal([FileOutcome.Ingested, FileOutcome.Ingested], results.Where(r => r.Events > 0).Select(r => r.Outcome));
        Assert.NotEqual(results[1].Path, results[3].Path);
        Assert.Equal(2, store.CountEvents());
    }

    [Fact]
    public void Entries_that_would_land_outside_the_folder_are_refused_and_reported()
    {
        using var dir = new TempFolder();
        string zip = ZipBuilder.Write(dir.Combine("in/bundle.zip"),
            ("../evil.log", App),
            ("logs/../../../evil.log", App),
            ("/tmp/evil.log", App),
            ("C:\\Windows\\evil.log", App),
            ("APPSRV01/app.log", App));
        using var store = EventStore.Open(dir.Combine("s.lcdb"));

        var results = Ingest(store, zip);

        Assert.Equal(
        [
            "bundle.zip: entry '../evil.log' points outside the archive; skipped",
            "bundle.zip: entry 'logs/../../../evil.log' points outside the archive; skipped",
            "bundle.zip: entry '/tmp/evil.log' has an absolute path; skipped",
            "bundle.zip: entry 'C:\\Windows\\evil.log' has an absolute path; skipped",
        ], results[0].Problems.Select(p => p.ToString()));
        Assert.Equal(["bundle.zip", "bundle.zip/APPSRV01/app.log"], results.Select(r => r.RelativePath));
        Assert.Equal("zip archive, 1 file extracted", results[0].Reason);
        Assert.Empty(Directory.EnumerateFiles(dir.Path, "evil.log", SearchOption.AllDirectories));
    }

    [Fact]
    public void Folders_hidden_files_and_macOS_forks_are_passed_over_and_a_nested_archive_is_reported()
    {
        using var dir = new TempFolder();
        string zip = ZipBuilder.Write(dir.Combine("bundle.zip"),
            ("APPSRV01/", ""),
            ("APPSRV01/.DS_Store", "x"),
            ("__MACOSX/APPSRV01/._app.log", "x"),
            ("APPSRV01/inner.zip", "PK"),
            ("APPSRV01/app.log", App));
        using var store = EventStore.Open(dir.Combine("s.lcdb"));

        var results = Ingest(store, zip);

        Assert.Equal(["bundle.zip", "bundle.zip/APPSRV01/app.log"], results.Select(r => r.RelativePath));
        Assert.Equal("bundle.zip: 'APPSRV01/inner.zip' is an archive inside the archive: not expanded (extract it and ingest the folder)",
            Assert.Single(results[0].Problems).ToString());
    }

    [Fact]
    public void A_file_named_zip_that_is_no_archive_fails_with_a_reason()
    {
        using var dir = new TempFolder();
        string zip = dir.File("bundle.zip", "this is not a zip\n");
        using var store = EventStore.Open(dir.Combine("s.lcdb"));

        var r = Assert.Single(Ingest(store, zip));

        Assert.Equal(FileOutcome.Failed, r.Outcome);
        Assert.StartsWith("not a readable zip archive (", r.Reason);
    }
}
