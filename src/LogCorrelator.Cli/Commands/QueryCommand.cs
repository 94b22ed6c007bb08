using System.CommandLine;
using LogCorrelator.Cli.Output;
using LogCorrelator.Query;

namespace LogCorrelator.Cli.Commands;

/// <summary><c>logcorr query "DSL" [PATH...]</c>: runs a query over the store, ingesting PATHs first when given.</summary>
internal static class QueryCommand
{
    public static Command Create(CliIO io)
    {
        var text = new Argument<string>("QUERY") { Description = "e.g. \"errors 10054 near restart within 5m\" (see grammars/query.ebnf)" };
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Log files or folders to ingest first (unchanged files are not read again)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output: table (default), json (a stable contract) or csv",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        var explain = new Option<bool>("--explain") { Description = "Print the plan (scans, rows, join) instead of running" };

        var command = new Command("query", "Run a query, e.g. logcorr query \"errors 10054 near restart within 5m\"") { text, paths, format, explain };
        command.SetAction((parse, cancel) => Task.FromResult(Run(io, parse, parse.GetValue(text)!, parse.GetValue(paths) ?? [],
            parse.GetValue(format)!, parse.GetValue(explain), cancel)));
        return command;
    }

    private static int Run(CliIO io, ParseResult parse, string text, string[] paths, string format, bool explain, CancellationToken cancel)
    {
        // Check the words before touching any file: a typo costs nothing.
        if (!QueryEngine.TryCheck(text, out var error))
        {
            io.Err.WriteLine(error.Format());
            return ExitCodes.Usage;
        }
        if (paths.Length > 0)
        {
            int code = IngestCommand.IngestQuietly(io, parse, paths, cancel);
            if (code != ExitCodes.Ok)
                return code;
        }
        using var store = CommonOptions.OpenExisting(parse);
        if (explain)
        {
            io.Out.WriteLine(QueryEngine.Explain(store, text));
            return ExitCodes.Ok;
        }
        var result = QueryEngine.Run(store, text);
        switch (format)
        {
            case "json":
                QueryJsonRenderer.Write(io.Out, result);
                break;
            case "csv":
                QueryCsvRenderer.Write(io.Out, result);
                break;
            default:
                QueryTableRenderer.Write(io.Out, result);
                break;
        }
        return ExitCodes.Ok;
    }
}
