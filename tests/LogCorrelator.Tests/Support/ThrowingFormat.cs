using LogCorrelator.Events;
using LogCorrelator.Ingest;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Tests.Support;

/// <summary>A reader with a bug: it claims files that start with <c>#boom</c>, then throws on their second line.</summary>
internal sealed class ThrowingFormat : ILogFormat
{
    public string Name => "boom";

    public double Score(SniffSample sample) => sample.Lines.Count > 0 && sample.Lines[0] == "#boom" ? 1 : 0;

    public void Read(LineReader lines, IngestContext context, IEventSink sink)
    {
        while (lines.TryReadLine(out var line))
        {
            if (line.Number == 2)
                throw new IndexOutOfRangeException($"index out of range at line {line.Number}");
        }
    }
}
