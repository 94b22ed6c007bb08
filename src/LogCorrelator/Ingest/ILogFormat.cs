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

    /// <summary>
    /// Whether the reader takes what its folder's earlier files taught (<see cref="FolderHints"/>: ERRORLOG.1
    /// has no startup block, ERRORLOG names the server and offset). Such a file is never read ahead of
    /// its folder's file being written, which may still be teaching.
    /// </summary>
    bool LearnsFromSiblings => false;
}
