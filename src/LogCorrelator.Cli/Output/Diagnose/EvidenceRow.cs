namespace LogCorrelator.Cli.Output.Diagnose;

/// <summary>One evidence line: when, what (its kind, and its part in the proof when not the obvious one), where (file:line), its text.</summary>
internal sealed record EvidenceRow(string Time, string What, bool IsError, string Where, string Message, string? Note);
