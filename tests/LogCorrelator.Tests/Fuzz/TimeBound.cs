namespace LogCorrelator.Tests.Fuzz;

/// <summary>How long one fuzz input may take: generous enough for a suite sharing two cores, far below a hang.</summary>
internal static class TimeBound
{
    /// <summary>3 s, plus 1 s per 256 KB of log (readers run at tens of MB/s).</summary>
    public static TimeSpan ForLog(long bytes) => TimeSpan.FromSeconds(3 + bytes / (256.0 * 1024));

    /// <summary>3 s, plus 1 s per 4,000 characters of query (a check takes well under a millisecond alone).</summary>
    public static TimeSpan ForQuery(int length) => TimeSpan.FromSeconds(3 + length / 4000.0);

    /// <summary>
    /// Runs <paramref name="work"/> on a thread of its own and waits at most <paramref name="bound"/>
    /// from the moment it starts: a thread pool starved by the tests running beside this one must
    /// not count against the input (it did: a 1 s bound failed on a query that checks in microseconds).
    /// </summary>
    /// <exception cref="TimeoutException">The work was still running after the bound.</exception>
    public static T Run<T>(Func<T> work, TimeSpan bound)
    {
        T result = default!;
        Exception? failure = null;
        using var started = new ManualResetEventSlim();
        var thread = new Thread(() =>
        {
            started.Set();
            try { result = work(); }
            catch (Exception e) { failure = e; }
        }, maxStackSize: 16 * 1024 * 1024) { IsBackground = true };
        thread.Start();
        started.Wait();
        if (!thread.Join(bound))
            throw new TimeoutException();
        if (failure is not null)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        return result;
    }
}
