namespace LogCorrelator.Ingest;

public enum FileOutcome
{
    Ingested,
    Unchanged,
    Skipped,
    Failed,
    /// <summary>A zip archive: its files were extracted next to the store and follow as their own results.</summary>
    Expanded,
    /// <summary>A reader (or detection) threw what it should have reported: a bug. The other files go on; ingest exits 1.</summary>
    InternalError,
}
