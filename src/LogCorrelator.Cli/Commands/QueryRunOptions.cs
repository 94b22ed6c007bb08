using System.CommandLine;
using LogCorrelator.Query;
using LogCorrelator.Time;

namespace LogCorrelator.Cli.Commands;

/// <summary>The options <c>query</c> and <c>run</c> share: output format, explain, and the zone of times in the query.</summary>
internal sealed class QueryRunOptions
{
    public Option<string> Format { get; } = CreateFormat();

    public Option<bool> Explain { get; } = new("--explain") { Description = "Print the plan (scans with their SQL and estimated rows, joins in order, pipes) instead of running" };

    public Option<string?> Tz { get; } = new("--tz")
    {
        Description = "Zone of the times written in the query (between, since): an offset like -05:00, an IANA name like America/New_York or a Windows name. Default UTC.",
    };

    public Option<bool> Anonymize { get; } = new("--anonymize")
    {
        Description = "Replace host names, IP addresses and user names with stable pseudonyms (host-3f2a1c...), so the output can leave the company",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Format);
        command.Options.Add(Anonymize);
        command.Options.Add(Explain);
        command.Options.Add(Tz);
    }

    /// <summary>The engine's options: the zone given by --tz and the saved queries.</summary>
    public QueryOptions EngineOptions(ParseResult parse)
    {
        ZoneSpec? zone = null;
        if (parse.GetValue(Tz) is { } tz && !ZoneSpec.TryParse(tz, out zone))
            throw new UserException($"--tz '{tz}': unknown zone (use an offset like -05:00, an IANA name like America/New_York or a Windows name like Eastern Standard Time)");
        return new QueryOptions { Zone = zone, Library = SavedQueryFiles.Load(parse) };
    }

    private static Option<string> CreateFormat()
    {
        var format = new Option<string>("--format")
        {
            Description = "Output: table (default), json (a stable contract), csv or clef (Serilog compact JSON, one event a line, for Seq and other CLEF tools)",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json", "csv", "clef");
        return format;
    }
}
