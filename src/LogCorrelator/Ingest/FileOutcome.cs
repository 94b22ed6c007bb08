namespace LogCorrelator.Ingest;

public enum FileOutcome
{
    Ingested,
    Unchanged,
    Skipped,
    Failed,
    /// <summary>A zip archive: its files were extracted next to the store and follow as their own results.</summary>
    Expanded,
}
