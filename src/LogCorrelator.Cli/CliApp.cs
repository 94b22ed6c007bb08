using System.CommandLine;
using LogCorrelator.Cli.Commands;
using LogCorrelator.Cli.Logging;
using LogCorrelator.Text;

namespace LogCorrelator.Cli;

/// <summary>
/// The <c>logcorr</c> command tree. Holds the only catch-all: user errors are reported by the
/// commands as one line with an exit code; anything reaching here is a bug, shown briefly.
/// </summary>
internal static class CliApp
{
    /// <param name="signals">Ctrl+C, SIGTERM and SIGHUP as a cancellation (the process registers them; in-process tests run without).</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TerminationSignals? signals = null)
    {
        using var log = new ToolLog();
        var io = new CliIO(stdout, stderr) { Log = log };
        var root = new RootCommand("logcorr: correlate SQL Server and client logs after a connectivity incident")
        {
            IngestCommand.Create(io),
            QueryCommand.Create(io),
            RunCommand.Create(io),
            QueriesCommand.Create(io),
            SaveCommand.Create(io),
            SourcesCommand.Create(io),
            DiagnoseCommand.Create(io),
            TuiCommand.Create(io),
            ProbeCommand.Create(io),
            CollectCommand.Create(io),
        };
        root.Options.Add(CommonOptions.Store);
        root.Options.Add(CommonOptions.Log);

        // '@unexplained' is a saved query, not a response file to expand.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                stderr.WriteLine($"error: {error.Message}");
            stderr.WriteLine("Run 'logcorr --help' for usage.");
            return ExitCodes.Usage;
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        string command = parsed.CommandResult.Command.Name;
        try
        {
            if (parsed.GetValue(CommonOptions.Log) is { } logPath)
                log.Open(logPath);
            // A connection string in the arguments keeps its password out of the log.
            log.Logger.Information("logcorr {Command} started with {Arguments}", command, args.Select(Redactor.Redact).ToArray());
            int exit = Invoke(parsed, stdout, stderr, signals, log);
            log.Logger.Information("logcorr {Command} ended with exit code {ExitCode} after {ElapsedMs} ms", command, exit, started.ElapsedMilliseconds);
            return exit;
        }
        catch (UserException e)
        {
            // Only --log itself gets here: a command's own user errors are handled in Invoke.
            stderr.WriteLine($"error: {e.Message}");
            return e.ExitCode;
        }
    }

    private static int Invoke(ParseResult parsed, TextWriter stdout, TextWriter stderr, TerminationSignals? signals, ToolLog log)
    {
        try
        {
            // Signals are ours (TerminationSignals), not System.CommandLine's, whose forced exit after a timeout would abort mid-write.
            var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return parsed.InvokeAsync(invocation, signals?.Token ?? CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            // Ingest rolled back the file it was writing; a query wrote nothing.
            stderr.WriteLine("cancelled");
            log.Logger.Warning("Cancelled by a signal");
            return signals is { ExitCode: > 0 } ? signals.ExitCode : ExitCodes.Failure;
        }
        catch (Store.StoreException e)
        {
            // Busy, from another version, or damaged: the message says what to do.
            stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (InvalidDataException e)
        {
            // A store from another version of logcorr: the message says what to do.
            stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (UserException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            log.Logger.Error("{Error}", Redactor.Redact(e.Message));
            return e.ExitCode;
        }
        catch (Exception e)
        {
            log.Logger.Error(e, "Internal error");
            stderr.WriteLine($"internal error: {e.GetType().Name}: {e.Message}");
            stderr.WriteLine("This is a bug in logcorr; please report it with the command you ran.");
            return ExitCodes.Failure;
        }
    }
}
