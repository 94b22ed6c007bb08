namespace LogCorrelator.Ingest;

/// <summary>Where an ingester says what it could not read, by line, and goes on.</summary>
public interface IProblemReporter
{
    void Report(int line, string message);
}
