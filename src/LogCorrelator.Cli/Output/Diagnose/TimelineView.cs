namespace LogCorrelator.Cli.Output.Diagnose;

/// <summary>
/// Errors per time bucket, split by the cause that explains them (the best-ranked one when two
/// do; <see cref="Unexplained"/> when none), and the server events to mark on the same axis.
/// </summary>
internal sealed record TimelineView(
    DateTimeOffset Start,
    int BucketSeconds,
    IReadOnlyList<TimelineBucket> Buckets,
    IReadOnlyList<string> Series,
    IReadOnlyList<TimelineMarker> Markers)
{
    public const string Unexplained = "unexplained";

    public DateTimeOffset End => Start.AddSeconds((double)BucketSeconds * Buckets.Count);

    public int MaxCount => Buckets.Count == 0 ? 0 : Buckets.Max(b => b.Total);
}
