namespace LogCorrelator.Tests.Fuzz;

/// <summary>How long one fuzz input may take: a fixed allowance plus a rate far below the real one, for a busy debug build.</summary>
internal static class TimeBound
{
    /// <summary>2 s, plus 1 s per 256 KB of log (readers run at tens of MB/s).</summary>
    public static TimeSpan ForLog(long bytes) => TimeSpan.FromSeconds(2 + bytes / (256.0 * 1024));

    /// <summary>1 s, plus 1 s per 4,000 characters of query.</summary>
    public static TimeSpan ForQuery(int length) => TimeSpan.FromSeconds(1 + length / 4000.0);
}
