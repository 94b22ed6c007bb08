using System.CommandLine;
using System.Text;
using LogCorrelator.Query;
using LogCorrelator.Query.Saved;

namespace LogCorrelator.Cli.Commands;

/// <summary>
/// <c>logcorr save NAME "DSL"</c>: checks the query (its references included) and keeps it in the
/// user's file next to the store, replacing an earlier query of the same name.
/// </summary>
internal static class SaveCommand
{
    public static Command Create(CliIO io)
    {
        var name = new Argument<string>("NAME") { Description = "A letter, then letters, digits, '-' or '_'" };
        var text = new Argument<string>("QUERY") { Description = "The query, e.g. \"errors not near (restart or kill) within 5m\"" };
        var description = new Option<string?>("--description", "-d") { Description = "What the query finds, kept as its comment" };
        var command = new Command("save", "Save a query under a name, for 'logcorr run NAME' and '@NAME'") { name, text, description };
        command.SetAction(parse => Save(io, parse, parse.GetValue(name)!.TrimStart('@'), parse.GetValue(text)!, parse.GetValue(description) ?? ""));
        return command;
    }

    private static int Save(CliIO io, ParseResult parse, string name, string text, string description)
    {
        string userFile = SavedQueryFiles.UserFile(parse);
        if (!TrySave(userFile, name, text, description, out var error))
        {
            if (error is null)
                throw new UserException(Problem(name)!);
            io.Err.WriteLine(error.Format());
            return ExitCodes.Usage;
        }
        io.Out.WriteLine($"saved '{name}' in {CommonOptions.DisplayPath(userFile)}: logcorr run {name}");
        return ExitCodes.Ok;
    }

    /// <summary>Why <paramref name="name"/> cannot be used for a new query, or null when it can.</summary>
    public static string? Problem(string name)
    {
        if (!SavedQueryFile.IsName(name))
            return $"'{name}' is not a query name: a letter, then letters, digits, '-' or '_'";
        var builtIn = QueryLibrary.Load(SavedQueryFiles.BuiltInFolder(), null);
        return builtIn.Find(name) is { } taken ? $"'{taken.Name}' is a built-in query; choose another name" : null;
    }

    /// <summary>
    /// Writes the query into the user's file (replacing one of the same name); false with the
    /// query's syntax error, or with a null error when <see cref="Problem"/> refuses the name.
    /// The TUI saves through here too.
    /// </summary>
    public static bool TrySave(string userFile, string name, string text, string description, out QuerySyntaxError? error)
    {
        error = null;
        if (Problem(name) is not null)
            return false;
        string existing = File.Exists(userFile) ? File.ReadAllText(userFile) : "";
        string entry = SavedQueryFile.Format(name, description, text);
        string updated = Replace(existing, name, entry);
        var library = QueryLibrary.Load(SavedQueryFiles.BuiltInFolder(), null);
        library.AddText(updated, userFile, builtIn: false);
        if (!QueryEngine.TryCheck(text, new QueryOptions { Library = library }, out error))
            return false;
        File.WriteAllText(userFile, updated, new UTF8Encoding(false));
        return true;
    }

    private static string Replace(string file, string name, string entry)
    {
        var lines = file.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var entries = SavedQueryFile.Parse(file, "", false, new List<string>());
        var old = entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
        if (old is null)
        {
            string head = file.Length == 0 ? "" : file.TrimEnd('\n', '\r') + "\n\n";
            return head + entry;
        }
        int first = old.Line - 1, last = old.Line - 1;
        while (first > 0 && lines[first - 1].TrimStart().StartsWith('#'))
            first--;
        while (last + 1 < lines.Count && lines[last + 1].Length > 0 && char.IsWhiteSpace(lines[last + 1][0]) && lines[last + 1].Trim().Length > 0)
            last++;
        lines.RemoveRange(first, last - first + 1);
        lines.Insert(first, entry.TrimEnd('\n'));
        return string.Join('\n', lines);
    }
}
