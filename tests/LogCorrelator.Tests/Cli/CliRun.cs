using LogCorrelator.Cli;

namespace LogCorrelator.Tests.Cli;

/// <summary>One in-process <c>logcorr</c> run: its exit code and what it printed, line by line.</summary>
internal sealed record CliRun(int ExitCode, string[] Out, string[] Err)
{
    public static CliRun Of(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return new CliRun(code, Lines(stdout), Lines(stderr));
    }

    /// <summary>Standard output as one text, lines joined by '\n'.</summary>
    public string Text => string.Join('\n', Out);

    /// <summary>Standard error as one text, lines joined by '\n'.</summary>
    public string ErrText => string.Join('\n', Err);

    private static string[] Lines(StringWriter w) =>
        w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}
