using LogCorrelator.Events;
using LogCorrelator.Ingest.Classify;
using LogCorrelator.Ingest.Formats.Common;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest.Formats.AppLog;

/// <summary>Turns one gathered entry (first line and its stack trace) into an event.</summary>
internal static class AppLogEntry
{
    public static void ToEvent(EntryBuffer entry, in LogHeader header, IngestContext context, ref LogEvent e)
    {
        EntryEvent.Begin(entry, header, context, ref e);
        ReadOnlySpan<char> text = entry.Text;
        // SQL Server's own "Error: N, Severity: S, State: T." among timestamped lines (a grid copied as text).
        if (Formats.Text.TextLines.IsErrorHeader(text[header.MessageStart..], out _))
        {
            int nl = text.IndexOf('\n');
            var second = nl < 0 ? [] : text[(nl + 1)..];
            if (ServerMessage.TryClassify(text[header.MessageStart..(nl < 0 ? text.Length : nl)], second, true, context.Names, ref e))
                return;
        }
        if (ClientErrorClassifier.TryClassify(text, context.Names, out ClientError error))
        {
            EntryEvent.SetError(error, ref e);
            // The exception's own line says what failed; the message before it is the app's wording.
            if (ExceptionLine.TryFind(text, out int start, out int end))
                EntryEvent.SetMessage(entry, start, end, ref e);
        }
    }
}
