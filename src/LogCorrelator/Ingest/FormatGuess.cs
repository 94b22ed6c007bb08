namespace LogCorrelator.Ingest;

/// <summary>The format detection chose, how sure it was, and the runner-up when it was close.</summary>
public sealed record FormatGuess(ILogFormat? Format, double Score, string? BestName, string? RunnerUp, double RunnerUpScore)
{
    /// <summary>Below this a file is skipped as not a known log.</summary>
    public const double Threshold = 0.3;

    public bool IsClose => RunnerUp is not null && Score - RunnerUpScore < 0.15;
}
