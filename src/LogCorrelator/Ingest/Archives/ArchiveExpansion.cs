namespace LogCorrelator.Ingest.Archives;

/// <summary>What expanding one archive gave: its own result line, and the extracted files to ingest.</summary>
internal sealed record ArchiveExpansion(FileResult Result, IReadOnlyList<SourceFile> Files);
