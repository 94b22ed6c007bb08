using System.Text;
using LogCorrelator.Events;
using LogCorrelator.Ingest.Classify;
using LogCorrelator.Ingest.Formats.Common;
using LogCorrelator.Ingest.Framing;

namespace LogCorrelator.Ingest.Formats.Clef;

/// <summary>
/// Turns one parsed CLEF line into an event. The event's message range points at the first line of a
/// raw JSON string in the file (<c>@m</c>, else <c>@mt</c>; for a database error the exception's own
/// line inside <c>@x</c>); the store unescapes it when shown, since the source's format is clef.
/// </summary>
internal static class ClefEntry
{
    public static void ToEvent(ClefLine clef, in Line line, SourceEncoding encoding, IngestContext context, ref LogEvent e)
    {
        e.Clear();
        e.Time = context.Clock.ToUtc(clef.Stamp);
        e.Offset = line.Offset;
        e.Length = line.Length;
        e.Line = line.Number;
        e.Kind = EventKind.Info;

        // Level does not decide the kind, as in app logs: the classifier does, on message and exception.
        // Without @m and @mt the exception's first line is the message; with neither, the message is empty.
        Range raw = clef.HasMessage ? clef.MessageRaw : clef.ExceptionRaw;
        int from = 0, to = FirstLineEnd(clef.HasMessage ? clef.Message : clef.Exception);
        if (ClientErrorClassifier.TryClassify(clef.Text, context.Names, out ClientError error))
        {
            e.Kind = EventKind.Error;
            e.Code = error.Code;
            e.SqlState = error.SqlState;
            e.Extra = error.Extra();
            // The exception's own line says what failed; the message is the app's wording around it.
            if (ExceptionLine.TryFind(clef.Exception, out int start, out int end))
                (raw, from, to) = (clef.ExceptionRaw, start, TrimReturn(clef.Exception, start, end));
        }

        if (clef.Machine is { } named)
            context.SourceHost ??= named;
        e.Host = context.ResolveHost(clef.Machine ?? context.SourceHost);

        var (rawStart, rawLength) = raw.GetOffsetAndLength(clef.Utf8.Length);
        var content = clef.Utf8.Slice(rawStart, rawLength);
        int first = rawStart + RawJsonString.ByteIndexOf(content, from);
        int last = rawStart + RawJsonString.ByteIndexOf(content, to);
        // Bytes that were no UTF-8 came back as U+FFFD, three bytes in the copy: the range may then run
        // past the line's own bytes, so it is kept inside them (CLEF writers emit UTF-8; this is damage).
        e.MessageOffset = Math.Min(FileOffset(clef.Utf8, first, encoding), line.Length);
        e.MessageLength = Math.Min(FileOffset(clef.Utf8, last, encoding), line.Length) - e.MessageOffset;
    }

    private static int FirstLineEnd(ReadOnlySpan<char> text)
    {
        int nl = text.IndexOfAny('\r', '\n');
        return nl < 0 ? text.Length : nl;
    }

    /// <summary>A Windows exception text ends its lines with CRLF: the line stops before the CR.</summary>
    private static int TrimReturn(ReadOnlySpan<char> text, int start, int end) =>
        end > start && text[end - 1] == '\r' ? end - 1 : end;

    /// <summary>
    /// Bytes from the line's start in the file to byte <paramref name="utf8Index"/> of the transcoded line:
    /// the same number in a UTF-8 file, two per char in a UTF-16 one.
    /// </summary>
    private static int FileOffset(ReadOnlySpan<byte> utf8, int utf8Index, SourceEncoding encoding) =>
        encoding == SourceEncoding.Utf8 ? utf8Index : SourceEncodings.Unit(encoding) * Encoding.UTF8.GetCharCount(utf8[..utf8Index]);
}
