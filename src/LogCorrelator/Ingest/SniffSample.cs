using LogCorrelator.Events;

namespace LogCorrelator.Ingest;

/// <summary>What format detection sees of a file: its name and first lines, decoded.</summary>
/// <param name="Lines">The first <see cref="FormatDetector.SampleLines"/> lines: what formats score.</param>
/// <param name="Head">Every whole line of the first 64 KB.</param>
public sealed record SniffSample(string FileName, IReadOnlyList<string> Lines, SourceEncoding Encoding, IReadOnlyList<string> Head)
{
    public SniffSample(string fileName, IReadOnlyList<string> lines, SourceEncoding encoding)
        : this(fileName, lines, encoding, lines)
    {
    }
}
