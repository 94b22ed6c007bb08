using LogCorrelator.Cli.Logging;

namespace LogCorrelator.Cli;

/// <summary>
/// The writers a command prints to: the console in <c>logcorr</c>, string writers in tests; and the
/// tool's own log (<c>--log FILE</c>, silent without it).
/// </summary>
internal sealed record CliIO(TextWriter Out, TextWriter Err)
{
    public ToolLog Log { get; init; } = new();
}
