using LogCorrelator.Ingest;

namespace LogCorrelator.Tests.Support;

/// <summary>An <see cref="IProblemReporter"/> that remembers what it was told.</summary>
internal sealed class RecordingProblems : IProblemReporter
{
    public List<(int Line, string Message)> Items { get; } = [];

    public void Report(int line, string message) => Items.Add((line, message));
}
