using LogCorrelator.Diagnose;
using LogCorrelator.Events;

namespace LogCorrelator.Cli.Output.Diagnose;

/// <summary>
/// Buckets the errors for the timeline: one minute each, or the next of 2, 5, 10, 15, 30, 60...
/// minutes that keeps the chart within <see cref="MaxBuckets"/> bars; a bucket of margin each side.
/// </summary>
internal static class TimelineBuilder
{
    public const int MaxBuckets = 120;

    private static readonly int[] Minutes = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440];

    public static TimelineView Build(Diagnosis d)
    {
        var series = d.Causes.Select(c => c.Id).Append(TimelineView.Unexplained).ToList();
        if (d.Errors.Count == 0)
            return new TimelineView(DateTimeOffset.UnixEpoch, 60, [], series, []);
        var seriesOf = new Dictionary<long, string>();
        foreach (var c in d.Causes)
        {
            foreach (var e in c.Errors)
                seriesOf.TryAdd(e.Error.Id, c.Id);
        }
        long first = d.Errors.Min(e => e.At.ToUnixTimeMilliseconds());
        long last = d.Errors.Max(e => e.At.ToUnixTimeMilliseconds());
        long bucketMs = Minutes.Select(m => m * 60_000L).FirstOrDefault(b => (last / b) - (first / b) + 3 <= MaxBuckets, 1440 * 60_000L);
        long start = (first / bucketMs - 1) * bucketMs;
        int count = (int)((last / bucketMs) - (first / bucketMs) + 3);
        var counts = Enumerable.Range(0, count).Select(_ => new Dictionary<string, int>()).ToList();
        foreach (var e in d.Errors)
        {
            int i = (int)((e.At.ToUnixTimeMilliseconds() - start) / bucketMs);
            string s = seriesOf.GetValueOrDefault(e.Id, TimelineView.Unexplained);
            counts[i][s] = counts[i].GetValueOrDefault(s) + 1;
        }
        long end = start + count * bucketMs;
        var markers = d.Markers
            .Where(m => m.Kind is not (EventKind.Info or EventKind.Error) && m.At.ToUnixTimeMilliseconds() >= start && m.At.ToUnixTimeMilliseconds() < end)
            .Select(m => new TimelineMarker(m.At, m.Kind.Name(), Label(m)))
            .ToList();
        return new TimelineView(DateTimeOffset.FromUnixTimeMilliseconds(start), (int)(bucketMs / 1000),
            counts.Select((c, i) => new TimelineBucket(DateTimeOffset.FromUnixTimeMilliseconds(start + i * bucketMs), c)).ToList(),
            series, markers);
    }

    private static string Label(StoredEvent e)
    {
        string time = e.At.UtcDateTime.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        return e.Kind switch
        {
            EventKind.Kill when e.Spid is int spid => $"kill {spid} {time}",
            EventKind.TimeWait when e.Count is int n => $"{n} TIME_WAIT {time}",
            _ => $"{e.Kind.Name()} {time}",
        };
    }
}
