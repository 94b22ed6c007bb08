namespace LogCorrelator.Ingest;

/// <summary>What format detection sees of a file: its name and first lines, decoded.</summary>
public sealed record SniffSample(string FileName, IReadOnlyList<string> Lines, Framing.SourceEncoding Encoding);
