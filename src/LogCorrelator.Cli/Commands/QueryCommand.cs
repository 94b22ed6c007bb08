using System.CommandLine;

namespace LogCorrelator.Cli.Commands;

/// <summary><c>logcorr query "DSL"</c>: runs a query over the store.</summary>
internal static class QueryCommand
{
    public static Command Create(CliIO io)
    {
        var text = new Argument<string>("QUERY") { Description = "e.g. \"errors 10054 near restart within 5m\"" };
        var command = new Command("query", "Run a query, e.g. logcorr query \"errors 10054 near restart within 5m\"") { text };
        command.SetAction(parse =>
        {
            io.Err.WriteLine("query: not wired yet");
            return ExitCodes.Failure;
        });
        return command;
    }
}
