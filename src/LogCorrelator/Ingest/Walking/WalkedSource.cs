namespace LogCorrelator.Ingest.Walking;

/// <summary>One path of a walk: a file to read, or one left out and why (<paramref name="LeftOut"/>).</summary>
internal readonly record struct WalkedSource(SourceFile Source, string? LeftOut);
