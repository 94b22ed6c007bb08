namespace LogCorrelator.Ingest;

/// <summary>What happened to one file of an ingest run.</summary>
public sealed record FileResult(
    string Path,
    string RelativePath,
    FileOutcome Outcome,
    FormatGuess? Guess,
    long Events,
    string? Reason,
    IReadOnlyList<IngestProblem> Problems,
    long Bytes,
    string? Clock = null,
    string? Host = null);
