namespace LogCorrelator.Cli.Output.Diagnose;

/// <summary>One client error in the accounting table: when, what, where it landed and why.</summary>
internal sealed record AccountRow(string Time, string Code, string Host, string Landed, string Why, string Where);
