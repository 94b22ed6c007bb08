using LogCorrelator.Events;
using LogCorrelator.Ingest.Classify;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest.Formats.AppLog;

/// <summary>Turns one gathered entry (first line and its stack trace) into an event.</summary>
internal static class AppLogEntry
{
    public static void ToEvent(EntryBuffer entry, in AppLogHeader header, IngestContext context, ref LogEvent e)
    {
        ReadOnlySpan<char> text = entry.Text;
        int nl = text.IndexOf('\n');
        int firstLineEnd = nl < 0 ? text.Length : nl;
        int messageStart = Math.Min(header.MessageStart, firstLineEnd);
        int messageEnd = firstLineEnd;

        e.Clear();
        e.Time = context.Clock.ToUtc(header.Stamp);
        e.Offset = entry.Offset;
        e.Length = entry.Length;
        e.Line = entry.FirstLine;
        e.Kind = EventKind.Info;
        if (ClientErrorClassifier.TryClassify(text, context.Names, out ClientError error))
        {
            e.Kind = EventKind.Error;
            e.Code = error.Code;
            e.SqlState = error.SqlState;
            e.Extra = error.Extra();
            // The exception's own line says what failed; the message before it is the app's wording.
            if (ExceptionLine.TryFind(text, out int start, out int end))
                (messageStart, messageEnd) = (start, end);
        }

        string? named = HostToken.Find(text[..firstLineEnd], context.Names);
        if (named is not null)
            context.SourceHost ??= named;
        e.Host = context.ResolveHost(named ?? context.SourceHost);

        e.MessageOffset = entry.ByteOffsetOf(messageStart);
        e.MessageLength = entry.ByteOffsetOf(messageEnd) - e.MessageOffset;
    }
}
