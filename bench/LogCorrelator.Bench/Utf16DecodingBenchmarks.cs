using System.Runtime.InteropServices;
using System.Text;
using BenchmarkDotNet.Attributes;
using LogCorrelator.Gen;

namespace LogCorrelator.Bench;

/// <summary>
/// What reading a UTF-16LE ERRORLOG costs before any parsing, on ~50 MB: decoding it the usual way
/// (<see cref="Encoding.Unicode"/> into a reused char buffer, baseline), reinterpreting the bytes as
/// chars in place as <c>LineReader</c> does (no decode: ERRORLOG's text is the BMP), and transcoding
/// to UTF-8 as <c>iconv -f UTF-16LE</c> does before <c>grep</c> can read it. Each counts the line
/// breaks so all three touch every character.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class Utf16DecodingBenchmarks
{
    private const long Bytes = 50_000_000;
    private const int Block = 1 << 16;
    private byte[] _data = [];
    private readonly char[] _chars = new char[Block];
    private readonly byte[] _utf8 = new byte[Block * 2];

    [GlobalSetup]
    public void Setup()
    {
        using var corpus = new MemoryStream((int)Bytes + (1 << 20));
        CorpusGenerator.WriteErrorlog(corpus, Bytes, seed: 42, utf16: true);
        _data = corpus.ToArray();
    }

    [Benchmark(Baseline = true)]
    public long EncodingUnicodeGetChars()
    {
        var decoder = Encoding.Unicode.GetDecoder();
        long lines = 0;
        for (int at = 2; at < _data.Length; at += Block)
        {
            int n = decoder.GetChars(_data.AsSpan(at, Math.Min(Block, _data.Length - at)), _chars, flush: false);
            lines += _chars.AsSpan(0, n).Count('\n');
        }
        return lines;
    }

    [Benchmark]
    public long ReinterpretInPlace()
    {
        long lines = 0;
        for (int at = 2; at < _data.Length; at += Block)
        {
            int len = Math.Min(Block, _data.Length - at) & ~1;
            lines += MemoryMarshal.Cast<byte, char>(_data.AsSpan(at, len)).Count('\n');
        }
        return lines;
    }

    [Benchmark]
    public long TranscodeToUtf8()
    {
        var decoder = Encoding.Unicode.GetDecoder();
        long lines = 0;
        for (int at = 2; at < _data.Length; at += Block)
        {
            int n = decoder.GetChars(_data.AsSpan(at, Math.Min(Block, _data.Length - at)), _chars, flush: false);
            int b = Encoding.UTF8.GetBytes(_chars.AsSpan(0, n), _utf8);
            lines += _utf8.AsSpan(0, b).Count((byte)'\n');
        }
        return lines;
    }
}
