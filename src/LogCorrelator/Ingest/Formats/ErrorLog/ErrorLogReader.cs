using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest.Formats.ErrorLog;

/// <summary>
/// The pipeline both ERRORLOG formats share: lines → entries (<see cref="ErrorLogEntryReader"/>) →
/// kinds (<see cref="ErrorLogClassifier"/>) → UTC time and host (<see cref="StartupBlockReader"/>) → sink.
/// One <see cref="LogEvent"/> is reused for every entry.
/// </summary>
internal static class ErrorLogReader
{
    public static void Read(LineReader lines, IErrorLogLineParser parser, IngestContext context, IEventSink sink)
    {
        using var entries = new ErrorLogEntryReader(lines, parser, context.Problems);
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
            // A client's error among the server's lines (docker compose interleaving an app and its container,
            // wild corpus jdbc-server/038): the classifier every client log uses, on the whole entry.
            // Only an entry holding a client's exception type pays for the reading (banners are multi-line too).
            if (e.Kind == EventKind.Info && buffer.LineCount > 1 && buffer.Text.Contains("Exception", StringComparison.Ordinal)
                && Classify.ClientErrorClassifier.IndexOfDriverException(buffer.Text) >= 0
                && Classify.ClientErrorClassifier.TryClassify(buffer.Text, context.Names, out var error))
                Common.EntryEvent.SetError(error, ref e);
            startup.Add(ref e, marker, entry.Message);
        }
        startup.Finish();
    }
}
