namespace LogCorrelator.Gen.Plan;

/// <summary>
/// Where the corpus's causes fall. Both files are written from one plan, so the app log's error
/// clusters follow the ERRORLOG's restarts and kills on the same UTC timeline.
/// </summary>
internal sealed class IncidentPlan
{
    private static readonly string[] KillerHosts = ["APPSRV01", "APPSRV01", "APPSRV02", "APPSRV03"];

    private IncidentPlan(long totalBytes, long start, long end, Incident[] incidents)
    {
        TotalBytes = totalBytes;
        Start = start;
        End = end;
        Incidents = incidents;
    }

    /// <summary>The corpus's size budget, both files together.</summary>
    public long TotalBytes { get; }
    /// <summary>UTC Unix ms of the first ERRORLOG line (the first startup block).</summary>
    public long Start { get; }
    /// <summary>UTC Unix ms both files' noise is spread towards.</summary>
    public long End { get; }
    /// <summary>Sorted by time.</summary>
    public IReadOnlyList<Incident> Incidents { get; }

    /// <summary>
    /// A bigger corpus covers a longer span with more causes: 6 h plus 2 days per 100 MB, one
    /// restart plus one per 40 MB, two kills plus one per 20 MB. Causes sit one to a slot across
    /// the middle 80% of the span, so clusters never overlap.
    /// </summary>
    public static IncidentPlan Create(Rng rng, long start, long totalBytes)
    {
        long span = 6 * 3_600_000L + totalBytes * (2 * 86_400_000L) / 100_000_000L;
        span -= span % 10;
        int restarts = 1 + (int)(totalBytes / 40_000_000L);
        int kills = 2 + (int)(totalBytes / 20_000_000L);

        var kinds = new IncidentKind[restarts + kills];
        for (int i = 0; i < kinds.Length; i++)
            kinds[i] = i < restarts ? IncidentKind.Restart : IncidentKind.Kill;
        for (int i = kinds.Length - 1; i > 0; i--)
        {
            int j = rng.Below(i + 1);
            (kinds[i], kinds[j]) = (kinds[j], kinds[i]);
        }

        long first = start + span / 10;
        long slot = span * 8 / 10 / kinds.Length;
        var incidents = new Incident[kinds.Length];
        for (int i = 0; i < kinds.Length; i++)
        {
            long t = first + i * slot + slot / 4 + rng.Below(slot / 2);
            t -= t % 10;
            incidents[i] = kinds[i] == IncidentKind.Restart
                ? new Incident(IncidentKind.Restart, t, 0, 0, "", 0)
                : new Incident(IncidentKind.Kill, t, rng.Between(51, 199), rng.Between(51, 400), rng.Pick(KillerHosts), rng.Between(1200, 9800));
        }
        return new IncidentPlan(totalBytes, start, start + span, incidents);
    }
}
