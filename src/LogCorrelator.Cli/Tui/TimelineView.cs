namespace LogCorrelator.Cli.Tui;

/// <summary>
/// What the timeline pane shows: counts per bucket from <see cref="WindowStart"/>, one column each,
/// the server events marked under them, and the cursor's column.
/// </summary>
internal sealed record TimelineView(
    string Label,
    long BucketMs,
    long WindowStart,
    IReadOnlyList<long> Counts,
    IReadOnlyList<TimelineMarker> Markers,
    int Cursor)
{
    public long CursorStart => WindowStart + Cursor * BucketMs;

    public long CursorCount => Cursor >= 0 && Cursor < Counts.Count ? Counts[Cursor] : 0;
}
