using LogCorrelator.Events;
using LogCorrelator.Ingest.Classify;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest.Formats.Common;

/// <summary>The steps every timestamped log shares when it turns a gathered entry into an event.</summary>
internal static class EntryEvent
{
    /// <summary>Time, position, host and kind Info; the message is the header's until the caller says otherwise.</summary>
    public static void Begin(EntryBuffer entry, in LogHeader header, IngestContext context, ref LogEvent e)
    {
        ReadOnlySpan<char> text = entry.Text;
        int firstLineEnd = FirstLineEnd(text);
        e.Clear();
        e.Time = context.Clock.ToUtc(header.Stamp);
        e.Offset = entry.Offset;
        e.Length = entry.Length;
        e.Line = entry.FirstLine;
        e.Kind = EventKind.Info;

        string? named = HostToken.Find(text[..firstLineEnd], context.Names);
        if (named is not null)
            context.SourceHost ??= named;
        e.Host = context.ResolveHost(named ?? context.SourceHost);

        SetMessage(entry, Math.Min(header.MessageStart, firstLineEnd), firstLineEnd, ref e);
    }

    public static void SetError(in ClientError error, ref LogEvent e)
    {
        e.Kind = EventKind.Error;
        e.Code = error.Code;
        e.SqlState = error.SqlState;
        e.Extra = error.Extra();
    }

    /// <summary>Points the event's message at characters [start, end) of the entry's text.</summary>
    public static void SetMessage(EntryBuffer entry, int start, int end, ref LogEvent e)
    {
        e.MessageOffset = entry.ByteOffsetOf(start);
        e.MessageLength = entry.ByteOffsetOf(end) - e.MessageOffset;
    }

    public static int FirstLineEnd(ReadOnlySpan<char> text)
    {
        int nl = text.IndexOf('\n');
        return nl < 0 ? text.Length : nl;
    }
}
