using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using LogCorrelator.Gen;
using LogCorrelator.Time;

namespace LogCorrelator.Bench;

/// <summary>
/// Reading the timestamp that starts a log line: <see cref="TimestampParser.TryParse"/> against
/// <see cref="DateTime.TryParseExact(ReadOnlySpan{char}, ReadOnlySpan{char}, IFormatProvider?, DateTimeStyles, out DateTime)"/>
/// given the exact layout and only the timestamp's characters (the baseline's best case).
/// Lines come from a generated ERRORLOG (<c>2024-03-05 06:32:04.31</c>) or Serilog file
/// (<c>2024-03-05 12:32:10.412 +01:00</c>); results are per timestamp.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class TimestampParsingBenchmarks
{
    private const int Lines = 10_000;
    private string[] _lines = [];
    private string _format = "";
    private int _length;
    private DateTimeStyles _styles;

    [Params("errorlog", "serilog")]
    public string Layout { get; set; } = "errorlog";

    [GlobalSetup]
    public void Setup()
    {
        using var corpus = new MemoryStream();
        bool errorlog = Layout == "errorlog";
        if (errorlog)
            CorpusGenerator.WriteErrorlog(corpus, 4_000_000, seed: 42, utf16: false);
        else
            CorpusGenerator.WriteAppLog(corpus, 4_000_000, seed: 42);
        _lines = Encoding.UTF8.GetString(corpus.ToArray())
            .Split('\n')
            .Where(l => l.Length > 30 && char.IsAsciiDigit(l[0]))
            .Take(Lines)
            .ToArray();
        if (_lines.Length != Lines)
            throw new InvalidOperationException($"the generated corpus has only {_lines.Length} timestamped lines");
        _format = errorlog ? "yyyy-MM-dd HH:mm:ss.ff" : "yyyy-MM-dd HH:mm:ss.fff zzz";
        _length = errorlog ? "2024-03-05 06:32:04.31".Length : "2024-03-05 12:32:10.412 +01:00".Length;
        _styles = errorlog ? DateTimeStyles.None : DateTimeStyles.AdjustToUniversal;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lines)]
    public long DateTimeTryParseExact()
    {
        long sum = 0;
        foreach (string line in _lines)
        {
            if (DateTime.TryParseExact(line.AsSpan(0, _length), _format, CultureInfo.InvariantCulture, _styles, out var t))
                sum += t.Ticks;
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public long TimestampParserTryParse()
    {
        long sum = 0;
        foreach (string line in _lines)
        {
            if (TimestampParser.TryParse(line, out var stamp, out _))
                sum += stamp.LocalMs;
        }
        return sum;
    }
}
