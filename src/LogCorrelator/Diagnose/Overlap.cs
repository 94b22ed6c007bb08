namespace LogCorrelator.Diagnose;

/// <summary>Another cause that explains <see cref="Count"/> of the same errors.</summary>
public sealed record Overlap(string Id, int Count);
