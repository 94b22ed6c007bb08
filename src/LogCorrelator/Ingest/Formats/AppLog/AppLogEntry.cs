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
        // SQL Server's own "Error: N, Severity: S, State: T." among timestamped lines, on the entry's first
        // line or, in a grid copied one cell per line, a few lines down (wild corpus jdbc-server/053).
        int from = header.MessageStart;
        for (int i = 0; i < 8 && from < text.Length; i++)
        {
            int nl = text[from..].IndexOf('\n');
            int end = nl < 0 ? text.Length : from + nl;
            if (Formats.Text.TextLines.IsErrorHeader(text[from..end], out _)
                && ServerMessage.TryClassify(text[from..end], end < text.Length ? text[(end + 1)..] : [], true, context.Names, ref e))
                return;
            if (nl < 0)
                break;
            from = end + 1;
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
