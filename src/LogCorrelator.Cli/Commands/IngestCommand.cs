using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LogCorrelator.Ingest;
using LogCorrelator.Store;
using LogCorrelator.Time;

namespace LogCorrelator.Cli.Commands;

/// <summary><c>logcorr ingest PATH...</c>: reads log files and folders into the store.</summary>
internal static class IngestCommand
{
    public static Command Create(CliIO io)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Log files or folders (read recursively)", Arity = ArgumentArity.OneOrMore };
        var tz = new Option<string[]>("--tz")
        {
            Description = "Zone of files whose local times carry no offset: 'GLOB=ZONE' (GLOB relative to the ingested folder, * and **; ZONE like -08:00, America/New_York, Pacific Standard Time). Repeatable; the first match wins; beats what the file says.",
            AllowMultipleArgumentsPerToken = false,
        };
        var host = new Option<string?>("--host") { Description = "Host name for every event of these files (beats what the logs say)" };
        var format = new Option<string?>("--format") { Description = "Skip detection and read every file as this format: " + string.Join(", ", IngestRunner.FormatNames) };
        var at = new Option<string?>("--at") { Description = "Time of snapshots that carry none (netstat), e.g. '2024-03-05 11:32:00' (UTC) or with an offset" };

        var command = new Command("ingest", "Read log files into the store (re-ingesting unchanged files does nothing)")
        {
            paths, tz, host, format, at,
        };
        command.SetAction((parse, cancel) => Task.FromResult(Run(io, parse, parse.GetValue(paths)!, parse.GetValue(tz) ?? [],
            parse.GetValue(host), parse.GetValue(format), parse.GetValue(at), cancel)));
        return command;
    }

    private static int Run(CliIO io, ParseResult parse, string[] paths, string[] tzTexts, string? host, string? format,
        string? atText, CancellationToken cancel)
    {
        var rules = Zones(tzTexts);
        if (format is not null && !IngestRunner.FormatNames.Contains(format, StringComparer.OrdinalIgnoreCase))
            throw new UserException($"--format '{format}': unknown format; known: {string.Join(", ", IngestRunner.FormatNames)}");
        DateTimeOffset? at = null;
        if (atText is not null)
        {
            if (!TimestampParser.TryParse(atText.Trim(), out var stamp, out int used) || used != atText.Trim().Length)
                throw new UserException($"--at '{atText}': expected a time like 2024-03-05 11:32:00 or 2024-03-05T11:32:00+01:00");
            at = DateTimeOffset.FromUnixTimeMilliseconds(stamp.LocalMs - (stamp.OffsetMinutes ?? 0) * 60_000L);
        }

        return Ingest(io, io.Out, parse, paths, new IngestOptions { TimeZones = rules, Host = host, Format = format, At = at }, cancel);
    }

    /// <summary>Ingest before another command (query, diagnose): the summary goes to stderr, stdout stays the command's.</summary>
    public static int IngestQuietly(CliIO io, ParseResult parse, string[] paths, CancellationToken cancel) =>
        Ingest(io, io.Err, parse, paths, new IngestOptions(), cancel);

    /// <summary>As <see cref="IngestQuietly(CliIO, ParseResult, string[], CancellationToken)"/>, with the user's options (diagnose's --tz).</summary>
    public static int IngestQuietly(CliIO io, ParseResult parse, string[] paths, IngestOptions options, CancellationToken cancel) =>
        Ingest(io, io.Err, parse, paths, options, cancel);

    /// <summary>The <c>--tz GLOB=ZONE</c> rules; a bad one is the user's error, named.</summary>
    public static List<TzRule> Zones(IEnumerable<string> tzTexts)
    {
        var rules = new List<TzRule>();
        foreach (var t in tzTexts)
        {
            if (!TzRule.TryParse(t, out var rule, out var error))
                throw new UserException(error!);
            rules.Add(rule!);
        }
        return rules;
    }

    private static int Ingest(CliIO io, TextWriter report, ParseResult parse, string[] paths, IngestOptions options, CancellationToken cancel)
    {
        // Before the store is opened, so a mistyped path leaves no empty store behind.
        var missing = paths.Where(p => !File.Exists(p) && !Directory.Exists(p)).ToList();
        foreach (string path in missing)
            io.Err.WriteLine($"error: {path}: no such file or folder");
        if (missing.Count > 0)
            return ExitCodes.Failure;
        using var store = EventStore.Open(parse.GetValue(CommonOptions.Store)!);
        var runner = new IngestRunner(store, options);
        var clock = Stopwatch.StartNew();
        int ingested = 0, unchanged = 0, skipped = 0, failed = 0, internalErrors = 0;
        long events = 0, bytes = 0;
        var perFormat = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in runner.Run(paths, cancel))
        {
            foreach (var p in r.Problems)
                io.Err.WriteLine($"warning: {p}");
            switch (r.Outcome)
            {
                case FileOutcome.Ingested:
                    ingested++;
                    events += r.Events;
                    bytes += r.Bytes;
                    string name = r.Guess!.Format!.Name;
                    perFormat[name] = perFormat.GetValueOrDefault(name) + 1;
                    string close = r.Guess.IsClose ? $" (confidence {r.Guess.Score:0.00}; {r.Guess.RunnerUp} {r.Guess.RunnerUpScore:0.00})" : "";
                    report.WriteLine($"  {r.RelativePath}: {name}{close}, {r.Events} events, host {r.Host ?? "-"}, offset {r.Clock}");
                    break;
                case FileOutcome.Expanded:
                    report.WriteLine($"  {r.RelativePath}: {r.Reason}");
                    break;
                case FileOutcome.Unchanged:
                    unchanged++;
                    report.WriteLine($"  {r.RelativePath}: unchanged, already in the store");
                    break;
                case FileOutcome.Skipped:
                    skipped++;
                    io.Err.WriteLine($"skipped {r.RelativePath}: {r.Reason}");
                    break;
                default:
                    failed++;
                    if (r.Outcome == FileOutcome.InternalError)
                        internalErrors++;
                    io.Err.WriteLine($"error: {r.RelativePath}: {r.Reason}");
                    break;
            }
        }
        double seconds = clock.Elapsed.TotalSeconds;
        string formats = perFormat.Count == 0 ? "" : " (" + string.Join(", ", perFormat.Select(p => $"{p.Key} {p.Value}")) + ")";
        report.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ingested {ingested} files{formats}, {events} events, {bytes / 1048576.0:0.0} MB in {seconds:0.00} s; {unchanged} unchanged, {skipped} skipped, {failed} failed. Store: {CommonOptions.DisplayPath(store.Path)}"));
        // A reader's bug fails the run even when the other files were read: what it lost is not in the store.
        return ingested + unchanged > 0 && internalErrors == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }
}
