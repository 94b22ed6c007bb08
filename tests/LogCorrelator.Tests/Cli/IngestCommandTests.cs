using System.Text;
using System.Text.RegularExpressions;
using LogCorrelator.Tests.Ingest.Archives;
using LogCorrelator.Tests.Ingest.Clef;
using LogCorrelator.Tests.Support;

namespace LogCorrelator.Tests.Cli;

/// <summary><c>logcorr ingest</c> end to end: what it prints for each file, and its exit code.</summary>
public sealed partial class IngestCommandTests
{
    private static readonly string Clef = string.Join("\n",
        """{"@t":"2024-03-05T11:31:05.0917723Z","@m":"Request finished HTTP/1.1 GET http://webapp02:5000/health/live - 200 null text/plain 0.5120ms","MachineName":"WEBAPP02"}""",
        $$"""{"@t":"2024-03-05T11:31:50.4406128Z","@m":"An unhandled exception has occurred while executing the request.","@l":"Error","@x":{{Json.Str(SqlClientText.Received("8d3f6a21-5c7e-4b90-a1d4-2e6f8b0c3d57"))}},"MachineName":"WEBAPP02"}""",
        """{"@t":"2024-03-05T11:32:10.3310457Z","@m":"Outbox dispatcher sent 4 messages","MachineName":"WEBAPP02"}""") + "\n";

    // Five entries (the banner carries one continuation line); the block names the offset and the server.
    private static readonly string ErrorLog = string.Join("\r\n",
        "2024-03-05 06:32:04.31 Server      Microsoft SQL Server 2019 (RTM-CU22) (KB5027702) - 15.0.4322.2 (X64) ",
        "\tJul 27 2023 18:11:00 ",
        "2024-03-05 06:32:04.31 Server      UTC adjustment: -5:00",
        "2024-03-05 06:32:04.31 Server      Server process ID is 4242.",
        @"2024-03-05 06:32:04.31 Server      Logging SQL Server messages in file 'D:\MSSQL15.MSSQLSERVER\MSSQL\Log\ERRORLOG'.",
        "2024-03-05 06:32:05.09 spid11s     Server name is 'SQLPROD01'. This is an informational message only. No user action is required.") + "\r\n";

    private static readonly string Console = "2024-03-05 11:30:00.000 +00:00 [INF] Hosting environment: Production\n";
    private static readonly string ClefLine = """{"@t":"2024-03-05T11:30:01Z","@m":"Outbox dispatcher started"}""" + "\n";

    // Seven Serilog console lines and three CLEF lines: applog 0.75 + 0.2 × 7/10 = 0.89, clef 0.45 + 3/10 = 0.75.
    private static readonly string Mixed = Console + ClefLine + Console + Console + ClefLine + Console + Console + ClefLine + Console + Console;

    [GeneratedRegex(@"^Ingested (.*) in \d+\.\d\d s; (.*)\. Store: (.*)$")]
    private static partial Regex Summary();

    private static string SummaryOf(CliRun run, string store)
    {
        var m = Summary().Match(run.Out[^1]);
        Assert.True(m.Success, run.Out[^1]);
        Assert.Equal(store, m.Groups[3].Value);
        return $"Ingested {m.Groups[1].Value}; {m.Groups[2].Value}.";
    }

    private static string Incident(TempFolder dir)
    {
        dir.File("incident/WEBAPP02/Logs/orders-web.clef", Clef);
        ZipBuilder.Write(dir.Combine("incident/bundle.zip"), ("SQLPROD01/ERRORLOG", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(ErrorLog)]));
        dir.File("incident/notes.txt", "call Bob about the restart\nthe pool was at 200\n");
        dir.File("incident/events.json", """{"time":"2024-03-05T11:30:00Z","level":"info","msg":"started"}""" + "\n");
        var noise = new byte[2048];
        new Random(3).NextBytes(noise);
        dir.File("incident/core.dmp", noise);
        return dir.Combine("incident");
    }

    [Fact]
    public void A_folder_prints_each_file_its_format_host_and_offset_and_lists_what_it_skipped()
    {
        using var dir = new TempFolder();
        string incident = Incident(dir), store = dir.Combine("s.lcdb");

        var run = CliRun.Of("ingest", incident, "--store", store);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
        [
            "  WEBAPP02/Logs/orders-web.clef: clef, 3 events, host WEBAPP02, offset in each timestamp",
            "  bundle.zip: zip archive, 1 file extracted",
            "  bundle.zip/SQLPROD01/ERRORLOG: errorlog, 5 events, host SQLPROD01, offset -05:00 (from file)",
            "  events.json: text, 1 events, host -, offset in each timestamp; 0 significant events; times as ISO 8601",
            "  notes.txt: text, 1 events, host -, offset UTC (assumed); 0 significant events; 1 event without a time",
        ], run.Out[..^1]);
        // Text no format claims is read by the general reader: only the binary file is skipped.
        Assert.Equal("Ingested 4 files (clef 1, errorlog 1, text 2), 10 events, 0.0 MB; 0 unchanged, 1 skipped, 0 failed.", SummaryOf(run, store));
        Assert.Equal(["skipped core.dmp: not a text log (binary content)"], run.Err);
    }

    [Fact]
    public void Ingesting_again_reads_nothing_and_extracts_nothing()
    {
        using var dir = new TempFolder();
        string incident = Incident(dir), store = dir.Combine("s.lcdb");
        CliRun.Of("ingest", incident, "--store", store);

        var run = CliRun.Of("ingest", incident, "--store", store);

        Assert.True(run.ExitCode == 0, string.Join("\n", run.Out.Concat(run.Err)));
        Assert.Equal(
        [
            "  WEBAPP02/Logs/orders-web.clef: unchanged, already in the store",
            "  bundle.zip: zip archive, 1 file already extracted",
            "  bundle.zip/SQLPROD01/ERRORLOG: unchanged, already in the store",
            "  events.json: unchanged, already in the store",
            "  notes.txt: unchanged, already in the store",
        ], run.Out[..^1]);
        Assert.Equal("Ingested 0 files, 0 events, 0.0 MB; 4 unchanged, 1 skipped, 0 failed.", SummaryOf(run, store));
    }

    [Fact]
    public void A_close_call_prints_the_confidence_and_the_runner_up()
    {
        using var dir = new TempFolder();
        string file = dir.File("mixed.log", Mixed), store = dir.Combine("s.lcdb");

        var run = CliRun.Of("ingest", file, "--store", store);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("  mixed.log: applog (confidence 0.89; clef 0.75), 7 events, host -, offset in each timestamp", run.Out[0]);
        Assert.Empty(run.Err);
    }

    [Fact]
    public void Format_forces_one_and_the_lines_it_cannot_read_are_reported_one_by_one()
    {
        using var dir = new TempFolder();
        string file = dir.File("mixed.log", Mixed), store = dir.Combine("s.lcdb");

        var run = CliRun.Of("ingest", file, "--format", "clef", "--store", store);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("  mixed.log: clef, 3 events, host -, offset in each timestamp", run.Out[0]);
        Assert.Equal(new[] { 1, 3, 4, 6, 7, 9, 10 }.Select(n => $"warning: mixed.log:{n}: not a CLEF event (a line of plain text, not a JSON object)"), run.Err);
    }

    [Fact]
    public void A_forced_format_that_reads_nothing_fails_the_run()
    {
        using var dir = new TempFolder();
        string file = dir.File("notes.txt", "call Bob about the restart\n"), store = dir.Combine("s.lcdb");

        var run = CliRun.Of("ingest", file, "--format", "CLEF", "--store", store);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
        [
            "warning: notes.txt:1: not a CLEF event (a line of plain text, not a JSON object)",
            "error: notes.txt: nothing readable",
        ], run.Err);
        Assert.Equal("Ingested 0 files, 0 events, 0.0 MB; 0 unchanged, 0 skipped, 1 failed.", SummaryOf(run, store));
    }

    [Fact]
    public void An_unknown_format_name_is_a_usage_error()
    {
        using var dir = new TempFolder();

        var run = CliRun.Of("ingest", dir.Path, "--format", "serilog", "--store", dir.Combine("s.lcdb"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(["error: --format 'serilog': unknown format; known: errorlog, errorlog-export, applog, netstat, packets, netsh, clef, odbc, python, java, probe, ring-buffer, text"], run.Err);
    }

    [Fact]
    public void Unsafe_entries_of_a_zip_are_warned_about_and_the_rest_is_ingested()
    {
        using var dir = new TempFolder();
        string zip = ZipBuilder.Write(dir.Combine("bundle.zip"), ("../../evil.clef", Clef), ("WEBAPP02/app.clef", Clef));
        string store = dir.Combine("s.lcdb");

        var run = CliRun.Of("ingest", zip, "--store", store);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
        [
            "  bundle.zip: zip archive, 1 file extracted",
            "  bundle.zip/WEBAPP02/app.clef: clef, 3 events, host WEBAPP02, offset in each timestamp",
        ], run.Out[..^1]);
        Assert.Equal(["warning: bundle.zip: entry '../../evil.clef' points outside the archive; skipped"], run.Err);
    }

    [Fact]
    public void A_missing_path_is_named_in_full_and_leaves_no_store_behind()
    {
        using var dir = new TempFolder();
        string log = dir.File("incident/app.log", "2024-03-05 11:30:00.000 +00:00 [INF] started\n");
        string missing = Path.Combine(dir.Path, "incident", "SQLPROD01", "ERRORLOG"), store = dir.Combine("s.lcdb");

        var run = CliRun.Of("ingest", log, missing, "--store", store);

        Assert.Equal((1, $"error: {missing}: no such file or folder"), (run.ExitCode, Assert.Single(run.Err)));
        Assert.Empty(run.Out);
        Assert.False(File.Exists(store));
    }
}
