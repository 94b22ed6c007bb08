using System.CommandLine;

namespace LogCorrelator.Cli.Commands;

/// <summary><c>logcorr query "DSL" [PATH...]</c>: runs a query over the store, ingesting PATHs first when given.</summary>
internal static class QueryCommand
{
    public static Command Create(CliIO io)
    {
        var text = new Argument<string>("QUERY") { Description = "e.g. \"errors 10054 near restart within 5m\" (see docs/query-language.md)" };
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Log files or folders to ingest first (unchanged files are not read again)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var options = new QueryRunOptions();
        var command = new Command("query", "Run a query, e.g. logcorr query \"errors 10054 near restart within 5m | count by host\"") { text, paths };
        options.AddTo(command);
        command.SetAction((parse, cancel) => Task.FromResult(
            QueryRunner.Run(io, parse, parse.GetValue(text)!, parse.GetValue(paths) ?? [], options, cancel)));
        return command;
    }
}
