using System.Diagnostics;
using LogCorrelator.Ingest;
using LogCorrelator.Store;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Ingest.Walking;

/// <summary>Folders with real links in them: each file is read once, whatever the number of paths to it.</summary>
public sealed class LinkedTreeTests
{
    private const string App = "#lines\n2024-03-05 11:00:00.000 error 10054 reset one\n2024-03-05 11:00:05.500 info all good\n";

    private static List<(string, FileOutcome, long, string?)> Ingest(EventStore store, params string[] paths) =>
        new IngestRunner(store, new IngestOptions(), [new LinesFormat()]).Run(paths)
            .Select(r => (r.RelativePath, r.Outcome, r.Events, r.Outcome == FileOutcome.Ingested ? null : r.Reason)).ToList();

    private static void HardLink(string target, string link)
    {
        using var ln = Process.Start("ln", [target, link]);
        ln.WaitForExit();
        Assert.Equal(0, ln.ExitCode);
    }

    [Fact]
    public void A_link_back_to_a_folder_above_is_not_followed()
    {
        using var dir = new TempFolder();
        dir.File("in/a/app.log", App);
        Directory.CreateSymbolicLink(dir.Combine("in/a/loop"), "..");
        using var store = EventStore.Open(dir.Combine("s.lcdb"));

        var results = Ingest(store, dir.Combine("in"));

        Assert.Equal(
        [
            ("a/app.log", FileOutcome.Ingested, 2L, null),
            ("a/loop", FileOutcome.Skipped, 0L, "a link to a folder that holds it (the folder given): a loop, not followed"),
        ], results);
        Assert.Equal(2, store.CountEvents());
    }

    [Fact]
    public void A_link_to_a_folder_read_already_is_said_once_and_its_files_are_read_by_their_own_path()
    {
        using var dir = new TempFolder();
        dir.File("in/logs/app.log", App);
        dir.File("in/logs/old/app.1.log", App);
        Directory.CreateSymbolicLink(dir.Combine("in/current"), "logs");
        using var store = EventStore.Open(dir.Combine("s.lcdb"));

        var results = Ingest(store, dir.Combine("in"));

        Assert.Equal(
        [
            ("current", FileOutcome.Skipped, 0L, "same folder as logs (read once)"),
            ("logs/app.log", FileOutcome.Ingested, 2L, null),
            ("logs/old/app.1.log", FileOutcome.Ingested, 2L, null),
        ], results);
        Assert.Equal(4, store.CountEvents());
    }

    [Fact]
    public void A_hard_link_and_a_file_link_to_one_file_are_read_once_by_its_own_name()
    {
        using var dir = new TempFolder();
        string app = dir.File("in/logs/b-app.log", App);
        HardLink(app, dir.Combine("in/logs/c-copy.log"));
        File.CreateSymbolicLink(dir.Combine("in/logs/a-link.log"), "b-app.log");
        using var store = EventStore.Open(dir.Combine("s.lcdb"));

        var results = Ingest(store, dir.Combine("in"));

        // The link comes first by name but is a second path: the file is read by a name of its own.
        Assert.Equal(
        [
            ("logs/a-link.log", FileOutcome.Skipped, 0L, "same file as logs/b-app.log (read once)"),
            ("logs/b-app.log", FileOutcome.Ingested, 2L, null),
            ("logs/c-copy.log", FileOutcome.Skipped, 0L, "same file as logs/b-app.log (read once)"),
        ], results);
        Assert.Equal(2, store.CountEvents());
    }

    [Fact]
    public void A_link_to_a_file_outside_the_folder_is_followed()
    {
        using var dir = new TempFolder();
        string outside = dir.File("elsewhere/app.log", App);
        Directory.CreateDirectory(dir.Combine("in/APPSRV01"));
        File.CreateSymbolicLink(dir.Combine("in/APPSRV01/app.log"), outside);
        using var store = EventStore.Open(dir.Combine("s.lcdb"));

        var results = Ingest(store, dir.Combine("in"));

        Assert.Equal([("APPSRV01/app.log", FileOutcome.Ingested, 2L, null)], results);
    }

    [Fact]
    public void A_file_given_again_inside_a_folder_given_is_read_once()
    {
        using var dir = new TempFolder();
        string app = dir.File("in/logs/app.log", App);
        using var store = EventStore.Open(dir.Combine("s.lcdb"));

        var results = Ingest(store, dir.Combine("in"), app);

        Assert.Equal(
        [
            ("logs/app.log", FileOutcome.Ingested, 2L, null),
            ("app.log", FileOutcome.Skipped, 0L, $"same file as {dir.Combine("in")}/logs/app.log (read once)"),
        ], results);
    }
}
