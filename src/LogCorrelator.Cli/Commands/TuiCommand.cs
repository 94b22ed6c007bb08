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
        using var store = CommonOptions.OpenExisting(parse);
        var (width, height) = (Math.Max(1, Console.WindowWidth), Math.Max(1, Console.WindowHeight));
        var library = SavedQueryFiles.Load(parse);
        var copy = new TerminalEscapes();
        var context = new TuiContext
        {
            Library = library,
            UserQueryFile = SavedQueryFiles.UserFile(parse),
            ExportFolder = Environment.CurrentDirectory,
            Copy = text => copy.Write(Osc52.Sequence(text)),
        };
        var session = new TuiSession(store, CommonOptions.DisplayPath(store.Path), context, width, height);
        session.Open(text);
        TuiApp.Run(session, copy, cancel);
        return ExitCodes.Ok;
    }
}
