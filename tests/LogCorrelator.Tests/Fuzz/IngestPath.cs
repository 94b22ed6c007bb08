using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Text;
using LogCorrelator.Time;

namespace LogCorrelator.Tests.Fuzz;

/// <summary>
/// A file's bytes through the steps <c>IngestRunner</c> takes, without the store: encoding sniffed
/// from the first 64 KB, binary content skipped, format detected (the general reader when none
/// claims it), lines framed, the format's reader run. Returns what the runner would report.
/// </summary>
internal static class IngestPath
{
    private const int SniffBytes = 64 * 1024;

    public sealed record Outcome(string Format, int Events, IReadOnlyList<IngestProblem> Problems);

    public static Outcome Read(string relativePath, byte[] bytes)
    {
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, SniffBytes));
        var (encoding, bom) = EncodingSniffer.Detect(head);
        if (EncodingSniffer.LooksBinary(head[bom..], encoding))
            return new Outcome("binary", 0, []);
        var sample = FormatDetector.Sample(Path.GetFileName(relativePath), head, encoding, bom);
        var format = FormatDetector.Detect(sample, FormatRegistry.All).Format ?? FormatRegistry.Text;
        var problems = new ProblemList(relativePath);
        var context = new IngestContext
        {
            Path = relativePath,
            RelativePath = relativePath,
            Clock = new SourceClock(null),
            Problems = problems,
            Names = new NamePool(),
            Hints = new FolderHints(),
            FolderHost = "FUZZ01",
            Modified = new DateTimeOffset(2024, 3, 5, 12, 0, 0, TimeSpan.Zero),
            Head = sample.Head,
        };
        var sink = new CountingSink();
        using var lines = new LineReader(new MemoryStream(bytes), encoding, bom, problems);
        format.Read(lines, context, sink);
        return new Outcome(format.Name, sink.Count, problems.Items);
    }

    private sealed class CountingSink : IEventSink
    {
        public int Count { get; private set; }

        public void Add(ref LogEvent e) => Count++;
    }
}
