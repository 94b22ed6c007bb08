using System.CommandLine;
using System.Globalization;

namespace LogCorrelator.Cli.Commands;

/// <summary><c>logcorr sources</c>: what the store holds, with each file's offset to UTC and where it came from.</summary>
internal static class SourcesCommand
{
    public static Command Create(CliIO io)
    {
        var command = new Command("sources", "List the ingested files: format, events, host, time range and offset to UTC (read from the file, given by --tz, or assumed)");
        command.SetAction(parse =>
        {
            using var store = CommonOptions.OpenExisting(parse);
            Write(io.Out, store);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The sources table and its total line (the TUI's sources view shows the same).</summary>
    public static void Write(TextWriter output, Store.EventStore store)
    {
        var sources = store.Sources();
        var rows = sources.Select(s => new[]
        {
            s.RelativePath,
            s.Format,
            s.Events.ToString(CultureInfo.InvariantCulture),
            s.Host ?? "-",
            s.First is { } f ? f.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "-",
            s.Last is { } l ? l.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "-",
            s.OffsetText,
            s.Problems > 0 ? s.Problems.ToString(CultureInfo.InvariantCulture) : "",
        }).ToList();
        Output.TextTable.Write(output, ["SOURCE", "FORMAT", "EVENTS", "HOST", "FIRST (UTC)", "LAST (UTC)", "OFFSET", "PROBLEMS"], rows);
        output.WriteLine($"{sources.Count} sources, {store.CountEvents()} events in {CommonOptions.DisplayPath(store.Path)}");
    }
}
