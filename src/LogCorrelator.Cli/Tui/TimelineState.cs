namespace LogCorrelator.Cli.Tui;

/// <summary>
/// Where the timeline looks: the bucket size (a step of <see cref="BucketLadder"/>), the first
/// bucket on screen, and the cursor's bucket, kept on screen and inside the rows' extent.
/// </summary>
internal sealed class TimelineState
{
    private long _first, _last;

    public int Step { get; private set; }

    public long Bucket => BucketLadder.Sizes[Step];

    public long WindowStart { get; private set; }

    /// <summary>The start of the cursor's bucket.</summary>
    public long Cursor { get; private set; }

    public int Columns { get; private set; } = 1;

    public int CursorColumn => (int)((Cursor - WindowStart) / Bucket);

    public long WindowEnd => WindowStart + Columns * Bucket;

    /// <summary>Shows all of [first, last] in the fewest round buckets that fit, cursor on the first.</summary>
    public void Fit(long first, long last, int columns)
    {
        (_first, _last, Columns) = (first, last, Math.Max(1, columns));
        Step = BucketLadder.Fit(first, last, Columns);
        WindowStart = TimeMath.Floor(first, Bucket);
        Cursor = WindowStart;
    }

    public void Resize(int columns)
    {
        Columns = Math.Max(1, columns);
        KeepVisible();
    }

    /// <summary>Moves the cursor by whole buckets, stopping at the extent's first and last bucket.</summary>
    public bool Move(int buckets)
    {
        long target = Math.Clamp(Cursor + buckets * Bucket, TimeMath.Floor(_first, Bucket), TimeMath.Floor(_last, Bucket));
        if (target == Cursor)
            return false;
        Cursor = target;
        KeepVisible();
        return true;
    }

    /// <summary>
    /// One step finer (<paramref name="finer"/>) or coarser; <paramref name="anchor"/> (the selected
    /// row's time) keeps its screen column so the eye does not lose it.
    /// </summary>
    public bool Zoom(bool finer, long anchor)
    {
        int step = Math.Clamp(Step + (finer ? -1 : 1), 0, BucketLadder.Sizes.Count - 1);
        if (step == Step)
            return false;
        long column = Math.Clamp((anchor - WindowStart) / Bucket, 0, Columns - 1);
        Step = step;
        Cursor = TimeMath.Floor(anchor, Bucket);
        WindowStart = Cursor - column * Bucket;
        KeepVisible();
        return true;
    }

    /// <summary>Moves the window by whole buckets (a drag); the cursor is pulled along to stay on screen.</summary>
    public void Pan(int buckets)
    {
        long min = TimeMath.Floor(_first, Bucket) - (Columns - 1) * Bucket, max = TimeMath.Floor(_last, Bucket);
        WindowStart = Math.Clamp(WindowStart + buckets * Bucket, min, Math.Max(min, max));
        Cursor = Math.Clamp(Cursor, WindowStart, WindowEnd - Bucket);
    }

    /// <summary>Puts the cursor on the bucket holding <paramref name="time"/> (the selected row's).</summary>
    public void Follow(long time)
    {
        // An event without a time has no place on the timeline: the cursor stays where it is.
        if (time == Events.EventTime.None)
            return;
        Cursor = TimeMath.Floor(time, Bucket);
        KeepVisible();
    }

    private void KeepVisible()
    {
        if (Cursor < WindowStart)
            WindowStart = Cursor;
        else if (Cursor >= WindowEnd)
            WindowStart = Cursor - (Columns - 1) * Bucket;
    }
}
