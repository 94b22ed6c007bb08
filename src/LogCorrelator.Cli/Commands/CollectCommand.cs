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
/// server (xp_readerrorlog) and the connectivity ring buffer, saves each beside the store and ingests them as the
/// ERRORLOG's own events, each log on its own UTC adjustment (else the instance's offset now), the ring buffer's as
/// server errors with the client as peer. A refused source is one line on stderr and exit 3; nothing readable, exit 1. Example: <c>logcorr collect "Server=tcp:db01,1433;User Id=ops;Password=..."</c>.
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
        var serverZone = ZoneSpec.FromOffset(offset);
        io.Out.WriteLine($"collect: {collector.ServerName ?? target.Server}, UTC offset {serverZone.Text} (SYSDATETIMEOFFSET)");
        var read = sources.Where(s => s.File is not null).ToList();
        if (!read.Any(s => s.Name != ServerLogCollector.RingBufferName))
        {
            Report(io, sources, new Dictionary<string, FileResult>());
            io.Err.WriteLine("collect: no error log could be read");
            return ExitCodes.Failure;
        }
        var results = new Dictionary<string, FileResult>(StringComparer.Ordinal);
        using (var store = EventStore.Open(storePath))
        {
            // Each log on its own startup line's UTC adjustment (an archive may be from the other side of a
            // daylight-saving change), else on the server's offset now; the ring buffer's lines carry UTC.
            var logs = new IngestOptions { Format = "errorlog-export", ServerZone = serverZone, Host = collector.ServerName };
            var ring = new IngestOptions { Format = "ring-buffer", Host = collector.ServerName };
            foreach (var (options, files) in new[]
            {
                (logs, read.Where(s => s.Name != ServerLogCollector.RingBufferName).Select(s => s.File!).ToList()),
                (ring, read.Where(s => s.Name == ServerLogCollector.RingBufferName).Select(s => s.File!).ToList()),
            })
            {
                foreach (var r in new IngestRunner(store, options).Run(files, CancellationToken.None))
                    results[r.Path] = r;
            }
            Report(io, sources, results);
            long events = results.Values.Where(r => r.Outcome == FileOutcome.Ingested).Sum(r => r.Events);
            io.Out.WriteLine($"collect: {events} events from {read.Count} source{(read.Count == 1 ? "" : "s")} stored in {CommonOptions.DisplayPath(store.Path)}; exports in {CommonOptions.DisplayPath(folder)}");
        }
        // Something stored, something refused: the exit code says so, as the lines above say what.
        return sources.Any(s => s.Problem is not null) ? ExitCodes.Partial : ExitCodes.Ok;
    }

    /// <summary>One line a source: what was read and on which clock, or why nothing was (stderr).</summary>
    private static void Report(CliIO io, IReadOnlyList<CollectedSource> sources, Dictionary<string, FileResult> results)
    {
        foreach (var s in sources)
        {
            if (s.Problem is not null)
            {
                io.Err.WriteLine($"  {s.Name}: not read: {s.Problem.ReplaceLineEndings(" ")}");
                continue;
            }
            string unit = s.Name == ServerLogCollector.RingBufferName ? "record" : "row";
            var line = new System.Text.StringBuilder($"  {s.Name}: {s.Rows} {unit}{(s.Rows == 1 ? "" : "s")}");
            if (s.File is not null && results.TryGetValue(s.File, out var r))
            {
                if (r.Outcome == FileOutcome.Ingested)
                    line.Append($", {r.Events} event{(r.Events == 1 ? "" : "s")}").Append(r.Events > 0 ? $", UTC offset {r.Clock}" : "");
                else if (r.Reason is not null)
                    line.Append($", not stored: {r.Reason}");
                foreach (var p in r.Problems)
                    io.Err.WriteLine($"warning: {p}");
            }
            io.Out.WriteLine(line.ToString());
        }
    }
}
