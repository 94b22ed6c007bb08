using System.Text;
using LogCorrelator.Events;

namespace LogCorrelator.Ingest;

/// <summary>Sniffs a file's first lines and scores every known format against them.</summary>
internal static class FormatDetector
{
    public const int SampleLines = 40;

    public static SniffSample Sample(string fileName, ReadOnlySpan<byte> head, SourceEncoding encoding, int bomLength)
    {
        var bytes = head[bomLength..];
        if (SourceEncodings.IsUtf16(encoding))
            bytes = bytes[..(bytes.Length & ~1)];
        string text = SourceEncodings.Of(encoding).GetString(bytes);
        var all = new List<string>(SampleLines);
        foreach (var range in text.AsSpan().Split('\n'))
        {
            string line = text[range].TrimEnd('\r');
            // As the reader does: a NUL run is skipped and cuts the line in two.
            if (line.Contains('\0', StringComparison.Ordinal))
                all.AddRange(line.Split('\0', StringSplitOptions.RemoveEmptyEntries));
            else
                all.Add(line);
        }
        // The last line may be cut by the sample's end; drop it unless it is the only one.
        if (all.Count > 1 && !text.EndsWith('\n'))
            all.RemoveAt(all.Count - 1);
        var lines = all.Count > SampleLines ? all.GetRange(0, SampleLines) : all;
        return new SniffSample(fileName, lines, encoding, all);
    }

    public static FormatGuess Detect(SniffSample sample, IReadOnlyList<ILogFormat> formats)
    {
        ILogFormat? best = null, second = null;
        double bestScore = 0, secondScore = 0;
        foreach (var f in formats)
        {
            double s = f.Score(sample);
            if (s > bestScore)
            {
                (second, secondScore) = (best, bestScore);
                (best, bestScore) = (f, s);
            }
            else if (s > secondScore)
            {
                (second, secondScore) = (f, s);
            }
        }
        return new FormatGuess(bestScore >= FormatGuess.Threshold ? best : null, bestScore, best?.Name,
            secondScore > 0 ? second?.Name : null, secondScore);
    }
}
