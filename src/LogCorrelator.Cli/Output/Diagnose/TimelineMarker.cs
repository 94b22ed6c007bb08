namespace LogCorrelator.Cli.Output.Diagnose;

/// <summary>A server event on the timeline.</summary>
internal sealed record TimelineMarker(DateTimeOffset Time, string Kind, string Label);
