namespace LogCorrelator.Cli.Output.Diagnose;

/// <summary>Errors with one code on one host.</summary>
internal sealed record GroupRow(string Code, string Host, string Category, int Count, string Times);
