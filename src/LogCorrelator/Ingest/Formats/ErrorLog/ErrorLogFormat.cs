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

    public void Read(LineReader lines, IngestContext context, IEventSink sink)
    {
        using var entries = new ErrorLogEntryReader(lines, context.Problems);
        var startup = new StartupBlockReader(context, sink);
        var e = default(LogEvent);
        while (entries.TryRead(out ErrorLogEntry? entry))
        {
            e.Clear();
            var buffer = entry.Buffer;
            e.Offset = buffer.Offset;
            e.Length = buffer.Length;
            e.Line = buffer.FirstLine;
            e.MessageOffset = buffer.ByteOffsetOf(entry.MessageStart);
            e.MessageLength = buffer.ByteOffsetOf(entry.MessageStart + entry.MessageLength) - e.MessageOffset;
            // Local until the startup block has named the offset; StartupBlockReader converts.
            e.Time = entry.Stamp.LocalMs;
            var marker = ErrorLogClassifier.Classify(entry.Process, entry.Message, entry.ErrorCode, context.Names, ref e);
            startup.Add(ref e, marker, entry.Message);
        }
        startup.Finish();
    }
}
