using System.CommandLine;

namespace LogCorrelator.Cli.Commands;

/// <summary><c>logcorr queries</c>: the saved queries, built-in and the user's own, with what each finds.</summary>
internal static class QueriesCommand
{
    public static Command Create(CliIO io)
    {
        var command = new Command("queries", "List the saved queries ('logcorr run NAME' runs one, '@NAME' uses one inside another query)");
        command.SetAction(parse =>
        {
            var library = SavedQueryFiles.Load(parse);
            foreach (string problem in library.Problems)
                io.Err.WriteLine($"warning: {problem}");
            var rows = library.All.Select(q => new[] { q.Name, q.BuiltIn ? "built-in" : "yours", q.Text, q.Description }).ToList();
            Output.TextTable.Write(io.Out, ["NAME", "FROM", "QUERY", "DESCRIPTION"], rows);
            int yours = library.All.Count(q => !q.BuiltIn);
            io.Out.WriteLine($"{library.All.Count - yours} built-in, {yours} yours (in {CommonOptions.DisplayPath(SavedQueryFiles.UserFile(parse))})");
            return ExitCodes.Ok;
        });
        return command;
    }
}
