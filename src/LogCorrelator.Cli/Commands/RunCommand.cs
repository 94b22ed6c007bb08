using System.CommandLine;

namespace LogCorrelator.Cli.Commands;

/// <summary><c>logcorr run NAME [PATH...]</c>: runs a saved query (see <c>logcorr queries</c>).</summary>
internal static class RunCommand
{
    public static Command Create(CliIO io)
    {
        var name = new Argument<string>("NAME") { Description = "A saved query, e.g. unexplained ('logcorr queries' lists them)" };
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Log files or folders to ingest first (unchanged files are not read again)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var options = new QueryRunOptions();
        var command = new Command("run", "Run a saved query, e.g. logcorr run unexplained") { name, paths };
        options.AddTo(command);
        command.SetAction((parse, cancel) =>
        {
            string wanted = parse.GetValue(name)!.TrimStart('@');
            var library = SavedQueryFiles.Load(parse);
            var saved = library.Find(wanted);
            if (saved is null)
            {
                string? near = library.Suggest(wanted);
                throw new UserException($"no saved query '{wanted}'" + (near is null ? "" : $"; did you mean '{near}'?") + " ('logcorr queries' lists them)");
            }
            return Task.FromResult(QueryRunner.Run(io, parse, saved.Text, parse.GetValue(paths) ?? [], options, cancel));
        });
        return command;
    }
}
