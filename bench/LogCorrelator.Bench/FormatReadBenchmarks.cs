using BenchmarkDotNet.Attributes;
using LogCorrelator.Events;
using LogCorrelator.Gen;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Text;
using LogCorrelator.Time;

namespace LogCorrelator.Bench;

/// <summary>
/// Framing plus classification, per format, on ~50 MB generated in memory: the whole of an
/// ingester's work (entries, timestamps, kinds, codes, hosts, byte offsets) into a sink that only
/// counts. The baseline frames the same bytes into lines and does nothing else, so the ratio is
/// what classification costs on top of reading.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class FormatReadBenchmarks
{
    private const long Bytes = 50_000_000;
    private byte[] _data = [];
    private ILogFormat _format = null!;
    private IReadOnlyList<string> _head = [];

    /// <summary><c>text</c> is the general reader on the generated app log (what it gets when no format claims a log).</summary>
    [Params("errorlog", "applog", "text")]
    public string Format { get; set; } = "errorlog";

    [GlobalSetup]
    public void Setup()
    {
        using var corpus = new MemoryStream((int)Bytes + (1 << 20));
        if (Format == "errorlog")
            CorpusGenerator.WriteErrorlog(corpus, Bytes, seed: 42, utf16: true);
        else
            CorpusGenerator.WriteAppLog(corpus, Bytes, seed: 42);
        _data = corpus.ToArray();
        _format = FormatRegistry.All.Single(f => f.Name == Format);
        var (encoding, bom) = EncodingSniffer.Detect(_data.AsSpan(0, 4096));
        _head = FormatDetector.Sample("bench", _data.AsSpan(0, 64 * 1024), encoding, bom).Head;
    }

    [Benchmark(Baseline = true)]
    public long FramingOnly()
    {
        using var lines = Lines();
        long n = 0;
        while (lines.TryReadLine(out _))
            n++;
        return n;
    }

    [Benchmark]
    public long FormatRead()
    {
        using var lines = Lines();
        var sink = new CountingSink();
        var context = new IngestContext
        {
            Path = "bench/" + Format,
            RelativePath = Format,
            Clock = new SourceClock(null),
            Problems = NoProblems.Instance,
            Names = new NamePool(),
            Hints = new FolderHints(),
            Head = _head,
        };
        _format.Read(lines, context, sink);
        return sink.Events;
    }

    private LineReader Lines()
    {
        var (encoding, bom) = EncodingSniffer.Detect(_data.AsSpan(0, 4096));
        return new LineReader(new MemoryStream(_data, writable: false), encoding, bom, NoProblems.Instance);
    }

    private sealed class CountingSink : IEventSink
    {
        public long Events { get; private set; }

        public void Add(ref LogEvent e) => Events++;
    }
}
