namespace LogCorrelator.Gen.Plan;

/// <summary>
/// Spaces a file's entries so that its byte budget runs out near the plan's end: the mean gap is
/// the time left over the entries the bytes left will hold, at the average entry size so far.
/// Integer arithmetic only, so the same arguments give the same times everywhere.
/// </summary>
internal sealed class Pacer
{
    private const long GuessedEntryBytes = 200;
    private readonly long _end;
    private readonly long _budget;
    private readonly long _quantum;

    /// <param name="quantum">Gaps are multiples of this many ms (10 for ERRORLOG's centiseconds).</param>
    public Pacer(long end, long budget, long quantum)
    {
        _end = end;
        _budget = budget;
        _quantum = quantum;
    }

    /// <summary>The next gap in ms, uniform in [0, 2 × mean].</summary>
    public long Gap(Rng rng, long now, long bytes, long entries)
    {
        long left = Math.Max(1, _budget - bytes);
        long timeLeft = Math.Max(0, _end - now);
        Int128 perEntry = entries < 16 ? GuessedEntryBytes : Math.Max(1, bytes / entries);
        long mean = (long)(timeLeft * perEntry / left);
        long steps = Math.Max(1, 2 * mean / _quantum);
        return rng.Below(steps + 1) * _quantum;
    }
}
