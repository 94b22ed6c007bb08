using System.CommandLine;
using LogCorrelator.Cli.Tui;
using LogCorrelator.Query;

namespace LogCorrelator.Cli.Commands;

/// <summary><c>logcorr tui [QUERY]</c>: browse the incident timeline in the terminal.</summary>
internal static class TuiCommand
{
    public static Command Create(CliIO io)
    {
        var text = new Argument<string>("QUERY")
        {
            Description = "The query to open with (default: errors)",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => TuiSession.DefaultQuery,
        };
        var command = new Command("tui", "Browse the timeline in the terminal: histogram, rows, raw source lines, e.g. logcorr tui \"errors near restart within 5m\"") { text };
        command.SetAction((parse, cancel) => Task.FromResult(Run(io, parse, parse.GetValue(text) ?? TuiSession.DefaultQuery, cancel)));
        return command;
    }

    private static int Run(CliIO io, ParseResult parse, string text, CancellationToken cancel)
    {
        // Drawing into a file or a pipe would leave escape codes there: refuse in one line.
        if (!ReferenceEquals(io.Out, Console.Out) || Console.IsOutputRedirected)
            throw new UserException("logcorr tui draws on a terminal and stdout is not one; use logcorr query for text output");
        if (Console.IsInputRedirected)
            throw new UserException("logcorr tui reads keys from a terminal and stdin is not one; use logcorr query for text output");
        if (!QueryEngine.TryCheck(text, out var error))
        {
            io.Err.WriteLine(error.Format());
            return ExitCodes.Usage;
        }
        var (width, height) = (Math.Max(1, Console.WindowWidth), Math.Max(1, Console.WindowHeight));
        var copy = new TerminalEscapes();
        string folder = Environment.CurrentDirectory;
        // A missing store is refused before the terminal is taken; loading the saved queries, opening
        // the store, running the query and the first page go on a worker while Terminal.Gui starts:
        // the two took ~0.3-0.5 s each one after the other. The histogram is not read here: it grows
        // with the store, and the first frame draws without it ("counting…", TuiApp).
        string path = parse.GetValue(CommonOptions.Store)!;
        if (!File.Exists(path))
            throw new UserException($"no store at '{path}': run 'logcorr ingest PATH' first, or give --store", ExitCodes.Failure);
        var opening = Task.Run(() =>
        {
            var context = new TuiContext
            {
                Library = SavedQueryFiles.Load(parse),
                UserQueryFile = SavedQueryFiles.UserFile(parse),
                ExportFolder = folder,
                Copy = text => copy.Write(Osc52.Sequence(text)),
            };
            var store = CommonOptions.OpenExisting(parse);
            try
            {
                var session = new TuiSession(store, CommonOptions.DisplayPath(store.Path), context, width, height);
                session.Open(text);
                return (Store: store, Session: session);
            }
            catch
            {
                store.Dispose();
                throw;
            }
        }, cancel);
        try
        {
            TuiApp.Run(() => opening.GetAwaiter().GetResult().Session, copy, cancel);
        }
        finally
        {
            // Also when the terminal could not be taken: the worker is let finish and its store closed.
            try
            {
                opening.Wait(CancellationToken.None);
            }
            catch (AggregateException) when (!opening.IsCompletedSuccessfully)
            {
                // Its exception, if any, was raised by TuiApp.Run already (or the terminal's one is).
            }
            if (opening.IsCompletedSuccessfully)
                opening.Result.Store.Dispose();
        }
        return ExitCodes.Ok;
    }
}
