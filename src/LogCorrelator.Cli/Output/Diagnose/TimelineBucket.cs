namespace LogCorrelator.Cli.Output.Diagnose;

/// <summary>One bucket: its start and how many errors each series has in it.</summary>
internal sealed record TimelineBucket(DateTimeOffset Start, IReadOnlyDictionary<string, int> Counts)
{
    public int Total => Counts.Values.Sum();
}
