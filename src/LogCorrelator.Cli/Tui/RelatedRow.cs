namespace LogCorrelator.Cli.Tui;

/// <summary>An event that justified a join match, with its time minus the match's time.</summary>
internal sealed record RelatedRow(long Id, long Time, string Host, string Kind, string Code, string Message, double DeltaSeconds);
