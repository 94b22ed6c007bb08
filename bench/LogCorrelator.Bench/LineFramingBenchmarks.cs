using System.Text;
using BenchmarkDotNet.Attributes;
using LogCorrelator.Events;
using LogCorrelator.Gen;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Bench;

/// <summary>
/// Framing ~50 MB into lines: the project's <see cref="LineReader"/> against
/// <see cref="StreamReader.ReadLine"/>, which allocates a string per line. UTF-16LE frames a
/// generated ERRORLOG (SQL Server's encoding), UTF-8 a generated Serilog app log.
/// </summary>
/// <remarks>BenchmarkDotNet derives from benchmark classes, so they are public and unsealed.</remarks>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class LineFramingBenchmarks
{
    private const long Bytes = 50_000_000;
    private byte[] _data = [];

    [Params(SourceEncoding.Utf16LE, SourceEncoding.Utf8)]
    public SourceEncoding Encoding { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        using var corpus = new MemoryStream((int)Bytes + (1 << 20));
        if (Encoding == SourceEncoding.Utf16LE)
            CorpusGenerator.WriteErrorlog(corpus, Bytes, seed: 42, utf16: true);
        else
            CorpusGenerator.WriteAppLog(corpus, Bytes, seed: 42);
        _data = corpus.ToArray();
    }

    [Benchmark(Baseline = true)]
    public long StreamReaderReadLine()
    {
        var encoding = Encoding == SourceEncoding.Utf16LE ? System.Text.Encoding.Unicode : new UTF8Encoding(false);
        using var reader = new StreamReader(new MemoryStream(_data, writable: false), encoding, detectEncodingFromByteOrderMarks: true);
        long chars = 0;
        while (reader.ReadLine() is { } line)
            chars += line.Length;
        return chars;
    }

    [Benchmark]
    public long LineReaderTryReadLine()
    {
        var (encoding, bom) = EncodingSniffer.Detect(_data.AsSpan(0, Math.Min(_data.Length, 4096)));
        using var reader = new LineReader(new MemoryStream(_data, writable: false), encoding, bom, NoProblems.Instance);
        long chars = 0;
        while (reader.TryReadLine(out var line))
            chars += line.Text.Length;
        return chars;
    }
}
