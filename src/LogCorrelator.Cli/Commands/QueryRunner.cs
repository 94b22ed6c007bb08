using System.CommandLine;
using LogCorrelator.Cli.Output;
using LogCorrelator.Cli.Output.Clef;
using LogCorrelator.Query;

namespace LogCorrelator.Cli.Commands;

/// <summary>Runs query text for <c>query</c> and <c>run</c>: check, ingest the PATHs, then explain or run and render.</summary>
internal static class QueryRunner
{
    public static int Run(CliIO io, ParseResult parse, string text, string[] paths, QueryRunOptions options, CancellationToken cancel)
    {
        var engineOptions = options.EngineOptions(parse);
        // Check the words before touching any file: a typo costs nothing.
        if (!QueryEngine.TryCheck(text, engineOptions, out var error))
        {
            io.Err.WriteLine(error.Format());
            return ExitCodes.Usage;
        }
        if (paths.Length > 0)
        {
            int code = IngestCommand.IngestQuietly(io, parse, paths, cancel);
            if (code != ExitCodes.Ok)
                return code;
        }
        using var store = CommonOptions.OpenExisting(parse);
        QueryResult result;
        try
        {
            if (parse.GetValue(options.Explain))
            {
                io.Out.Write(QueryEngine.Explain(store, text, engineOptions));
                return ExitCodes.Ok;
            }
            result = QueryEngine.Run(store, text, engineOptions, cancel);
        }
        catch (QuerySyntaxException e)
        {
            // Checked above, so only a regular expression that ran out of time gets here.
            io.Err.WriteLine(e.Error.Format());
            return ExitCodes.Usage;
        }
        if (parse.GetValue(options.Anonymize))
            result = OutputAnonymizer.For(store, OutputAnonymizer.Events(result)).Apply(result);
        switch (parse.GetValue(options.Format))
        {
            case "json":
                QueryJsonRenderer.Write(io.Out, result);
                break;
            case "csv":
                QueryCsvRenderer.Write(io.Out, result);
                break;
            case "clef" when result.Columns is not null:
                throw new UserException("--format clef writes events; a '| count' or '| fields' answer is a table: use --format json or csv");
            case "clef":
                QueryClefRenderer.Write(io, result);
                break;
            default:
                QueryTableRenderer.Write(io.Out, result);
                break;
        }
        return ExitCodes.Ok;
    }
}
