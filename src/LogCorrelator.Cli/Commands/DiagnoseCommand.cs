using System.CommandLine;
using LogCorrelator.Cli.Output;
using LogCorrelator.Cli.Output.Clef;
using LogCorrelator.Cli.Output.Diagnose;
using LogCorrelator.Diagnose;
using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Ingest;

namespace LogCorrelator.Cli.Commands;

/// <summary>
/// <c>logcorr diagnose [PATH...]</c>: ingests the incident folder, runs every rule and prints the
/// ranked causes with their evidence and remedies. Example: <c>logcorr diagnose ./incident-2024-03-05</c>.
/// </summary>
internal static class DiagnoseCommand
{
    public static Command Create(CliIO io)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "The incident's log files or folders, ingested first (unchanged files are not read again); none: the whole store",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output: text (default), json (a stable contract, see docs/diagnose.md) or clef (one Serilog compact JSON event per client error, with the causes that explain it)",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "clef");
        var html = new Option<string?>("--html") { Description = "Also write a self-contained HTML report (timeline, causes, evidence) to this file" };
        var tz = new Option<string[]>("--tz")
        {
            Description = "Zone of files whose times carry no offset, as for ingest: 'GLOB=ZONE' (repeatable)",
            AllowMultipleArgumentsPerToken = false,
        };
        var anonymize = new Option<bool>("--anonymize")
        {
            Description = "Replace host names, IP addresses and user names with stable pseudonyms in every output (text, json, --html), so the report can leave the company",
        };
        var why = new Option<string?>("--why")
        {
            Description = "Only the account of the client error at this UTC time (2024-03-05 11:32:06.480; to the second: every error in it): where it landed and why",
        };
        var rules = new Option<string?>("--rules") { Description = "A folder of *.yaml rules to use instead of the built-in ones (grammars/rules)" };

        var command = new Command("diagnose", "Find what caused the client errors of an incident, e.g. logcorr diagnose ./incident-2024-03-05")
        {
            paths, format, html, tz, rules, anonymize, why,
        };
        command.SetAction((parse, cancel) => Task.FromResult(Run(io, parse, parse.GetValue(paths) ?? [], parse.GetValue(format)!,
            parse.GetValue(html), parse.GetValue(tz) ?? [], parse.GetValue(rules), parse.GetValue(anonymize), parse.GetValue(why), cancel)));
        return command;
    }

    private static int Run(CliIO io, ParseResult parse, string[] paths, string format, string? html, string[] tz, string? rules, bool anonymize,
        string? why, CancellationToken cancel)
    {
        // A malformed --why is a usage error before anything is read.
        var whyRange = why is null ? ((long, long, bool)?)null : WhyReport.Parse(why);
        var zones = IngestCommand.Zones(tz);
        if (paths.Length > 0)
        {
            int code = IngestCommand.IngestQuietly(io, parse, paths, new IngestOptions { TimeZones = zones }, cancel);
            if (code != ExitCodes.Ok)
                return code;
        }
        using var store = CommonOptions.OpenExisting(parse);
        Diagnosis diagnosis;
        try
        {
            diagnosis = DiagnosisEngine.Run(store, new DiagnoseOptions { Paths = paths, RulesFolder = rules });
        }
        catch (RuleException e)
        {
            throw new UserException("rules: " + e.Message);
        }
        // The rules do not look at the token; a signal during them stops the command before it prints.
        cancel.ThrowIfCancellationRequested();
        string title = paths.Length > 0 ? string.Join(", ", paths.Select(p => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(p))))) : CommonOptions.DisplayPath(store.Path);
        var view = DiagnosisViewBuilder.Build(diagnosis, title);
        // Anonymized, the report is rendered to text first and every format passes through the same pseudonyms.
        Func<string, string> shown = anonymize
            ? OutputAnonymizer.For(store, diagnosis.Errors.Concat(diagnosis.ServerLoginFailures).Concat(diagnosis.Causes.SelectMany(c => c.Evidence.Select(e => e.Event)))
                .Concat(AccountEvents(diagnosis))).Text
            : text => text;
        // A terminal keeps its colours when nothing is to be replaced.
        var output = anonymize ? new StringWriter { NewLine = io.Out.NewLine } : io.Out;
        if (whyRange is { } range)
        {
            var accounts = WhyReport.Find(diagnosis, range);
            if (format == "json")
                WhyReport.WriteJson(output, diagnosis, accounts);
            else
                WhyReport.WriteText(output, diagnosis, accounts);
        }
        else if (format == "json")
            DiagnoseJsonRenderer.Write(output, diagnosis);
        else if (format == "clef")
            DiagnoseClefRenderer.Write(output, io.Err, diagnosis);
        else
            ConsoleFactory.Render(output, console => DiagnoseConsoleRenderer.Write(console, view));
        if (anonymize)
            io.Out.Write(shown(output.ToString()!));
        if (html is not null && whyRange is null)
        {
            File.WriteAllText(html, shown(DiagnoseHtmlRenderer.Render(view)));
            io.Err.WriteLine($"HTML report: {CommonOptions.DisplayPath(Path.GetFullPath(html))}");
        }
        return ExitCodes.Ok;
    }

    /// <summary>The events the accounts name besides the errors (the events they are measured from, each rule's nearest candidate).</summary>
    private static IEnumerable<Events.StoredEvent> AccountEvents(Diagnosis d) =>
        d.Accounts.SelectMany(a => a.Misses.Select(m => m.Nearest).Append(a.Related).Append(a.Error)).OfType<Events.StoredEvent>();
}
