using System.Diagnostics;
using System.Globalization;
using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Text;
using LogCorrelator.Time;

namespace LogCorrelator.Bench;

/// <summary>
/// <c>read-rate FILE FORMAT [RUNS]</c>: how fast a format reads a file into events (framing, timestamps,
/// classification), without the store, next to framing alone. Median of the runs, MB/s, by wall and CPU time.
/// </summary>
internal static class ReadRate
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: read-rate FILE FORMAT [RUNS]");
            return 2;
        }
        byte[] data = File.ReadAllBytes(args[0]);
        var format = FormatRegistry.Find(args[1]) ?? throw new ArgumentException($"unknown format '{args[1]}'");
        int runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var (encoding, bom) = EncodingSniffer.Detect(data.AsSpan(0, Math.Min(data.Length, 64 * 1024)));
        var head = FormatDetector.Sample(args[0], data.AsSpan(0, Math.Min(data.Length, 64 * 1024)), encoding, bom).Head;
        var framing = new List<double>();
        var reading = new List<double>();
        var readingCpu = new List<double>();
        long events = 0;
        for (int r = 0; r < runs; r++)
        {
            var sw = Stopwatch.StartNew();
            using (var lines = new LineReader(new MemoryStream(data, false), encoding, bom, NoProblems.Instance))
            {
                while (lines.TryReadLine(out _))
                {
                }
            }
            framing.Add(sw.Elapsed.TotalSeconds);
            sw.Restart();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var sink = new CountingSink();
            using (var lines = new LineReader(new MemoryStream(data, false), encoding, bom, NoProblems.Instance))
            {
                format.Read(lines, new IngestContext
                {
                    Path = args[0],
                    RelativePath = Path.GetFileName(args[0]),
                    Clock = new SourceClock(null),
                    Problems = NoProblems.Instance,
                    Names = new NamePool(),
                    Hints = new FolderHints(),
                    Modified = DateTimeOffset.UtcNow,
                    Head = head,
                }, sink);
            }
            reading.Add(sw.Elapsed.TotalSeconds);
            readingCpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            // The first run is the one an ingest makes: code not yet optimized by the JIT's later tiers.
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {r + 1}: read {reading[^1]:0.000} s, CPU {readingCpu[^1]:0.000} s"));
            events = sink.Events;
        }
        double mb = data.Length / 1e6, f = Median(framing), rd = Median(reading), rc = Median(readingCpu);
        // CPU seconds as well: on a loaded machine wall time says more about the other processes.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{format.Name}: {mb:0} MB, {events} events; framing {f:0.000} s ({mb / f:0} MB/s), read {rd:0.000} s ({mb / rd:0} MB/s), {rd / f:0.0}x framing; read CPU {rc:0.000} s ({mb / rc:0} MB/s)"));
        return 0;
    }

    private static double Median(List<double> xs)
    {
        xs.Sort();
        return xs[xs.Count / 2];
    }

    private sealed class CountingSink : IEventSink
    {
        public long Events { get; private set; }

        public void Add(ref LogEvent e) => Events++;
    }
}
