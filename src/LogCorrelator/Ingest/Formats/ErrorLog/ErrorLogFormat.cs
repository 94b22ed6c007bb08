using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest.Formats.ErrorLog;

/// <summary>
/// SQL Server's ERRORLOG (<c>ERRORLOG</c>, <c>ERRORLOG.1</c> … <c>ERRORLOG.n</c>). SQL Server writes
/// it as UTF-16LE with a BOM and CRLF; copies saved as UTF-8 read the same, since
/// <see cref="LineReader"/> hands out lines as chars with their byte offsets either way.
/// </summary>
internal sealed class ErrorLogFormat : ILogFormat
{
    public string Name => "errorlog";

    public double Score(SniffSample sample) => ErrorLogSniffer.Score(sample);

    public bool LearnsFromSiblings => true;

    public void Read(LineReader lines, IngestContext context, IEventSink sink) =>
        ErrorLogReader.Read(lines, ErrorLogLineParser.Instance, context, sink);
}
