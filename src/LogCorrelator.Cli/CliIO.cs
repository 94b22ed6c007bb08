namespace LogCorrelator.Cli;

/// <summary>The writers a command prints to: the console in <c>logcorr</c>, string writers in tests.</summary>
internal sealed record CliIO(TextWriter Out, TextWriter Err);
