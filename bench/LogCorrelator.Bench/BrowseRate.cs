using System.Diagnostics;
using System.Globalization;
using LogCorrelator.Events;
using LogCorrelator.Store;

namespace LogCorrelator.Bench;

/// <summary>
/// <c>browse STORE [RUNS]</c>: times the store reads behind the TUI's first frame on the default
/// query (<c>errors</c>): the extent, the count, a 151-column histogram over the whole extent and the
/// first page, each on a freshly opened store: median CPU milliseconds of RUNS.
/// </summary>
internal static class BrowseRate
{
    public static int Run(string[] args)
    {
        string path = args[0];
        int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var scan = new EventScan { Kinds = [EventKind.Error] };
        var steps = new Dictionary<string, List<double>>();
        void Time(string name, Action action)
        {
            // CPU time: the machine is shared and wall time under load says little.
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            action();
            (steps.TryGetValue(name, out var l) ? l : steps[name] = []).Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
        }
        for (int r = 0; r < runs + 1; r++)
        {
            EventStore? store = null;
            Time("open", () => store = EventStore.OpenRead(path));
            using var s = store!;
            var browser = new EventBrowser(s);
            (long First, long Last)? extent = null;
            Time("extent", () => extent = browser.Extent(scan));
            var (first, last) = extent!.Value;
            long bucket = Math.Max(1, (last - first) / 150 + 1);
            Time("histogram", () => browser.Histogram(scan, first, bucket, 151));
            Time("count", () => browser.Count(scan));
            Time("page", () => browser.Page(scan, EventRef.Start, 48));
            if (r == 0)
                steps.Values.ToList().ForEach(l => l.Clear()); // the first run warms the JIT
        }
        foreach (var (name, times) in steps)
        {
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-10} median CPU {times[times.Count / 2],8:F1} ms  ({string.Join(" ", times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))})"));
        }
        return 0;
    }
}
