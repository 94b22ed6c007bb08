using System.CommandLine;
using System.Globalization;
using LogCorrelator.Ingest;
using LogCorrelator.Live;
using LogCorrelator.Store;
using LogCorrelator.Time;
using Microsoft.Data.SqlClient;

namespace LogCorrelator.Cli.Commands;

/// <summary>
/// <c>logcorr collect "CONNECTION STRING"</c>: reads the server's current and archived error logs through the
/// server (xp_readerrorlog), saves each as an export beside the store and ingests them as the ERRORLOG's own
/// events, on the instance's clock. Example: <c>logcorr collect "Server=tcp:db01,1433;User Id=ops;Password=..."</c>.
/// </summary>
internal static class CollectCommand
{
    public static Command Create(CliIO io)
    {
        var connection = new Argument<string>("CONNECTION STRING") { Description = "A SqlClient connection string; its password is used, never shown or stored" };
        var output = new Option<string?>("--out") { Description = "The folder for the exports (default: collect-SERVER-TIME beside the store)" };
        var command = new Command("collect", "Read a SQL Server's error logs through the server into the store, e.g. logcorr collect \"Server=tcp:db01,1433;User Id=ops;Password=...\"")
        {
            connection, output,
        };
        command.SetAction((parse, cancel) =>
        {
            if (!ProbeTarget.TryCreate(parse.GetValue(connection)!, pooled: false, out var target, out string? error))
                throw new UserException($"the connection string is not valid: {error}");
            return RunAsync(io, parse, target!, parse.GetValue(output), cancel);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliIO io, ParseResult parse, ProbeTarget target, string? output, CancellationToken cancel)
    {
        string storePath = Path.GetFullPath(parse.GetValue(CommonOptions.Store)!);
        string folder = Path.GetFullPath(output ?? Path.Combine(Path.GetDirectoryName(storePath)!,
            $"collect-{FileName.Safe(target.Server)}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}"));
        PrivateFiles.CreateFolder(folder);
        var collector = new ServerLogCollector(target);
        IReadOnlyList<CollectedSource> sources;
        try
        {
            sources = await collector.CollectAsync(folder, cancel);
        }
        catch (SqlException e)
        {
            // No connection, no login: nothing to collect, said in SqlClient's words (they never hold the password).
            throw new UserException($"collect: {target.Server}: {e.Message.ReplaceLineEndings(" ")}", ExitCodes.Failure);
        }
        var offset = TimeSpan.FromMinutes(collector.OffsetMinutes);
        string zone = (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        io.Out.WriteLine($"collect: {collector.ServerName ?? target.Server}, UTC offset {zone} (SYSDATETIMEOFFSET)");
        foreach (var s in sources)
        {
            if (s.Problem is null)
                io.Out.WriteLine($"  {s.Name}: {s.Rows} rows");
            else
                io.Err.WriteLine($"  {s.Name}: not read: {s.Problem.ReplaceLineEndings(" ")}");
        }
        // Every export is ingested on the instance's own clock, read now from the server itself.
        if (!TzRule.TryParse("**=" + zone, out var rule, out string? ruleError))
            throw new InvalidOperationException(ruleError);
        var files = sources.Where(s => s.File is not null).Select(s => s.File!).ToList();
        if (files.Count == 0)
        {
            io.Err.WriteLine("collect: no error log could be read");
            return ExitCodes.Failure;
        }
        using var store = EventStore.Open(storePath);
        var runner = new IngestRunner(store, new IngestOptions { Format = "errorlog-export", TimeZones = [rule!], Host = collector.ServerName });
        long events = 0;
        foreach (var r in runner.Run(files, CancellationToken.None))
        {
            foreach (var p in r.Problems)
                io.Err.WriteLine($"warning: {p}");
            if (r.Outcome == FileOutcome.Ingested)
                events += r.Events;
        }
        io.Out.WriteLine($"collect: {events} events from {files.Count} log{(files.Count == 1 ? "" : "s")} stored in {CommonOptions.DisplayPath(store.Path)}; exports in {CommonOptions.DisplayPath(folder)}");
        return ExitCodes.Ok;
    }
}
