using LogCorrelator.Events;
using LogCorrelator.Ingest.Formats.Common;
using LogCorrelator.Ingest.Formats.Sniffing;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest.Formats.AppLog;

/// <summary>
/// Application logs of .NET services (Serilog, NLog, log4net, Microsoft.Extensions.Logging file
/// sinks): one entry per timestamped line plus the exception and stack trace lines that follow it.
/// Entries carrying a database client error become <see cref="EventKind.Error"/>, the rest Info.
/// </summary>
internal sealed class AppLogFormat : ILogFormat, IEntryLayout
{
    public string Name => "applog";

    /// <summary>
    /// High when most lines start with a timestamp followed by a level, unless the sample shows a
    /// Python, Java or ODBC client log, which their own formats read (see <see cref="StampedLogSniffer"/>).
    /// </summary>
    public double Score(SniffSample sample) => StampedLogSniffer.Profile(sample).ScoreFor(LogOwner.AppLog);

    public void Read(LineReader lines, IngestContext context, IEventSink sink) =>
        StampedEntryFramer.Read(lines, context, sink, this);

    public bool TryParseHeader(ReadOnlySpan<char> line, out LogHeader header) => LogHeaderParser.TryParse(line, out header);

    public void ToEvent(EntryBuffer entry, in LogHeader header, IngestContext context, ref LogEvent e) =>
        AppLogEntry.ToEvent(entry, header, context, ref e);
}
