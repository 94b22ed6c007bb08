using LogCorrelator.Cli;

namespace LogCorrelator.Tests.Cli;

/// <summary>Runs <c>logcorr</c> in-process and keeps what it printed.</summary>
internal sealed record Cli(int ExitCode, string Out, string Err)
{
    public static Cli Run(params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = CliApp.Run(args, stdout, stderr);
        return new Cli(code, stdout.ToString(), stderr.ToString());
    }
}
