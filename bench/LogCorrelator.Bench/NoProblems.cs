using LogCorrelator.Ingest;

namespace LogCorrelator.Bench;

/// <summary>Generated corpora have nothing to report; a benchmark must not pay for collecting problems.</summary>
internal sealed class NoProblems : IProblemReporter
{
    public static readonly NoProblems Instance = new();

    public void Report(int line, string message)
    {
    }
}
