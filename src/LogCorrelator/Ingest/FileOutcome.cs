namespace LogCorrelator.Ingest;

public enum FileOutcome
{
    Ingested,
    Unchanged,
    Skipped,
    Failed,
}
