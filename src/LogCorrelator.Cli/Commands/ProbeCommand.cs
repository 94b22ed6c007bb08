using System.CommandLine;
using System.Globalization;
using System.Text;
using LogCorrelator.Cli.Output;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Formats.Probe;
using LogCorrelator.Live;
using LogCorrelator.Query.Ast;
using LogCorrelator.Store;
using LogCorrelator.Text;

namespace LogCorrelator.Cli.Commands;

/// <summary>
/// <c>logcorr probe "CONNECTION STRING"</c>: opens connections on a schedule with Microsoft.Data.SqlClient,
/// runs a query, shows a live line, appends each attempt to a probe log and, when it stops (<c>--for</c>,
/// <c>--count</c> or Ctrl+C), ingests that log into the store as <c>probe</c> events. Example:
/// <c>logcorr probe "Server=tcp:db01,1433;User Id=app;Password=...;Encrypt=True" --every 1s --for 10m</c>.
/// </summary>
internal static class ProbeCommand
{
    public static Command Create(CliIO io)
    {
        var connection = new Argument<string>("CONNECTION STRING") { Description = "A SqlClient connection string; its password is used, never shown or stored" };
        var every = new Option<string>("--every") { Description = "Time between attempts' starts: 500ms, 1s, 1m (default 1s)", DefaultValueFactory = _ => "1s" };
        var forTime = new Option<string?>("--for") { Description = "Stop after this long: 10m, 1h (default: until Ctrl+C)" };
        var count = new Option<int?>("--count") { Description = "Stop after this many attempts" };
        var query = new Option<string>("--query") { Description = "The query each attempt runs (default SELECT 1)", DefaultValueFactory = _ => "SELECT 1" };
        var fresh = new Option<bool>("--fresh") { Description = "A new connection each attempt, no pool (the default): every attempt tests the network and the login" };
        var pooled = new Option<bool>("--pooled") { Description = "Take connections from SqlClient's pool, as an application does: finds pooled connections that died while idle" };
        var output = new Option<string?>("--out") { Description = "The probe log to write (default: probe-SERVER-TIME.log beside the store)" };
        var command = new Command("probe", "Probe a SQL Server on a schedule and record each attempt, e.g. logcorr probe \"Server=tcp:db01,1433;User Id=app;Password=...\" --every 1s --for 10m")
        {
            connection, every, forTime, count, query, fresh, pooled, output,
        };
        command.SetAction((parse, cancel) =>
        {
            if (parse.GetValue(fresh) && parse.GetValue(pooled))
                throw new UserException("--fresh and --pooled exclude each other: choose one");
            var settings = new ProbeSettings(
                Duration("--every", parse.GetValue(every)!) ?? TimeSpan.FromSeconds(1),
                Duration("--for", parse.GetValue(forTime)),
                parse.GetValue(count) is int n && n <= 0 ? throw new UserException("--count must be 1 or more") : parse.GetValue(count),
                parse.GetValue(query)!,
                parse.GetValue(pooled));
            if (!ProbeTarget.TryCreate(parse.GetValue(connection)!, settings.Pooled, out var target, out string? error))
                throw new UserException($"the connection string is not valid: {error}");
            return RunAsync(io, parse, target!, settings, parse.GetValue(output), cancel);
        });
        return command;
    }

    private static TimeSpan? Duration(string option, string? text)
    {
        if (text is null)
            return null;
        if (!DurationNode.TryParse(text.Trim(), out var d) || d!.Milliseconds == 0)
            throw new UserException($"{option} '{text}': expected a duration like 500ms, 1s, 5m or 1h");
        return TimeSpan.FromMilliseconds(d.Milliseconds);
    }

    private static async Task<int> RunAsync(CliIO io, ParseResult parse, ProbeTarget target, ProbeSettings settings, string? output, CancellationToken cancel)
    {
        string storePath = Path.GetFullPath(parse.GetValue(CommonOptions.Store)!);
        var started = DateTimeOffset.UtcNow;
        string logPath = Path.GetFullPath(output ?? Path.Combine(Path.GetDirectoryName(storePath)!,
            $"probe-{FileName.Safe(target.Server)}-{started.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.log"));
        var status = new ProbeStatus();
        bool terminal = ConsoleFactory.IsTerminal(io.Out);
        var logger = io.Log.Logger;
        io.Err.WriteLine($"probe: {target.Server} every {settings.Every.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s, {(settings.Pooled ? "pooled" : "fresh")} connections, '{settings.Query}'; Ctrl+C stops");
        try
        {
            await using (var file = OpenLog(logPath))
            {
                await file.WriteLineAsync(ProbeLog.Header(Environment.MachineName, target.Server));
                await file.FlushAsync(CancellationToken.None);
                var probe = new SqlProbe(target, settings.Query, TimeProvider.System);
                while (!cancel.IsCancellationRequested)
                {
                    long tick = System.Diagnostics.Stopwatch.GetTimestamp();
                    var record = await probe.AttemptAsync(cancel);
                    if (record is null)
                        break;
                    // Each attempt reaches the disk at once: a run that is killed still leaves its log to ingest.
                    await file.WriteLineAsync(ProbeLog.Line(record));
                    await file.FlushAsync(CancellationToken.None);
                    status.Add(record);
                    Log(logger, record);
                    string line = status.Line(record);
                    io.Out.Write(terminal ? "\r\x1b[K" + line : line + "\n");
                    if (status.Attempts == settings.Count || (settings.For is { } f && DateTimeOffset.UtcNow - started >= f))
                        break;
                    var wait = settings.Every - System.Diagnostics.Stopwatch.GetElapsedTime(tick);
                    if (wait > TimeSpan.Zero)
                    {
                        try
                        {
                            await Task.Delay(wait, cancel);
                        }
                        catch (OperationCanceledException)
                        {
                            break;
                        }
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserException($"probe log '{CommonOptions.DisplayPath(logPath)}': {e.Message}", ExitCodes.Failure);
        }
        if (terminal)
            io.Out.WriteLine();
        return Store(io, storePath, logPath, status, cancel.IsCancellationRequested);
    }

    /// <summary>The probe log goes into the store like any file; a signal that stopped the probe does not stop this.</summary>
    private static int Store(CliIO io, string storePath, string logPath, ProbeStatus status, bool stoppedBySignal)
    {
        using var store = EventStore.Open(storePath);
        var runner = new IngestRunner(store, new IngestOptions { Format = "probe" });
        long events = 0;
        foreach (var r in runner.Run([logPath], CancellationToken.None))
        {
            if (r.Outcome is FileOutcome.Ingested)
                events += r.Events;
            else if (r.Outcome is not FileOutcome.Unchanged)
                io.Err.WriteLine($"error: {CommonOptions.DisplayPath(logPath)}: {r.Reason}");
        }
        string how = stoppedBySignal ? "stopped; " : "";
        io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"probe: {how}{status.Attempts} attempts, {status.Attempts - status.Failures} ok, {status.Failures} failed ({status.Rate:0.0}% ok); {events} probe events stored in {CommonOptions.DisplayPath(store.Path)}; log {CommonOptions.DisplayPath(logPath)}"));
        return ExitCodes.Ok;
    }

    private static StreamWriter OpenLog(string path) =>
        // 0600: the log holds no password, but it names servers and what failed against them.
        new(PrivateFiles.Create(path), new UTF8Encoding(false)) { NewLine = "\n" };

    private static void Log(Serilog.ILogger logger, ProbeRecord r)
    {
        if (r.Ok)
            logger.Information("Probe ok: connect {ConnectMs} ms, first byte {FirstByteMs} ms, query {QueryMs} ms", r.ConnectMs, r.FirstByteMs, r.QueryMs);
        else
            logger.Error("Probe failed: number {Number}, class {Class}, state {State}, ClientConnectionId {ClientConnectionId}: {ProviderText}",
                r.Number, r.Class, r.State, r.ClientConnectionId, Redactor.Redact(r.Message));
    }

    private sealed record ProbeSettings(TimeSpan Every, TimeSpan? For, int? Count, string Query, bool Pooled);
}
