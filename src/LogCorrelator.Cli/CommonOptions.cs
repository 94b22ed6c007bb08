using System.CommandLine;
using LogCorrelator.Store;

namespace LogCorrelator.Cli;

internal static class CommonOptions
{
    public static readonly Option<string> Store = new("--store")
    {
        Description = $"The store file (default: ./{EventStore.DefaultFileName})",
        DefaultValueFactory = _ => EventStore.DefaultFileName,
        Recursive = true,
    };

    public static readonly Option<string?> Log = new("--log")
    {
        Description = "Append logcorr's own log (what ran, how it ended, each probe attempt) to this file as CLEF (Serilog compact JSON)",
        Recursive = true,
    };

    /// <summary>Opens an existing store for reading; a missing one is the user's error.</summary>
    public static EventStore OpenExisting(ParseResult parse)
    {
        string path = parse.GetValue(Store)!;
        if (!File.Exists(path))
            throw new UserException($"no store at '{path}': run 'logcorr ingest PATH' first, or give --store", ExitCodes.Failure);
        return EventStore.OpenRead(path);
    }

    /// <summary>A path as the user wants to read it: relative to the current folder when under it.</summary>
    public static string DisplayPath(string path)
    {
        string rel = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return rel.StartsWith("..", StringComparison.Ordinal) ? path : rel.Replace('\\', '/');
    }
}
