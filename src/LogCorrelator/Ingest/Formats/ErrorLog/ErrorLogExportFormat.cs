using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest.Formats.ErrorLog;

/// <summary>
/// An ERRORLOG read through <c>xp_readerrorlog</c> and saved from SSMS (tab or CSV): the same
/// entries, kinds, startup block and time rules as <see cref="ErrorLogFormat"/>, other columns.
/// </summary>
internal sealed class ErrorLogExportFormat : ILogFormat
{
    public string Name => "errorlog-export";

    public double Score(SniffSample sample) => ErrorLogSniffer.ScoreExport(sample);

    public bool LearnsFromSiblings => true;

    public void Read(LineReader lines, IngestContext context, IEventSink sink) =>
        ErrorLogReader.Read(lines, ExportLineParser.Instance, context, sink);
}
