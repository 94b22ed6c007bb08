using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest;

/// <summary>One log format: how sure it is that a file is its own, and how to read it into events.</summary>
public interface ILogFormat
{
    /// <summary>The name <c>--format</c> takes and <c>logcorr sources</c> shows.</summary>
    string Name { get; }

    /// <summary>0 when the sample is surely not this format, 1 when surely it is.</summary>
    double Score(SniffSample sample);

    /// <summary>Streams the file's lines into events. Unreadable lines go to <see cref="IngestContext.Problems"/>.</summary>
    void Read(LineReader lines, IngestContext context, IEventSink sink);
}
