using LogCorrelator.Events;
using LogCorrelator.Ingest.Framing;
using LogCorrelator.Time;

namespace LogCorrelator.Ingest.Formats.ErrorLog;

/// <summary>
/// One ERRORLOG entry being gathered: its lines in an <see cref="EntryBuffer"/>, and where its
/// process column and one-line message are in the buffer's text. Reused from entry to entry.
/// </summary>
internal sealed class ErrorLogEntry : IDisposable
{
    private static ReadOnlySpan<char> ErrorPrefix => "Error: ";
    private static ReadOnlySpan<char> SeverityPrefix => ", Severity: ";

    private int _stampLength, _processStart, _processLength, _messageStart, _messageLength;

    public ErrorLogEntry(SourceEncoding encoding) => Buffer = new EntryBuffer(encoding);

    public EntryBuffer Buffer { get; }
    public LocalStamp Stamp { get; private set; }
    /// <summary>The number of an <c>Error: N, Severity: S, State: X.</c> line; its message is the next line.</summary>
    public int? ErrorCode { get; private set; }
    public bool IsEmpty => Buffer.IsEmpty;
    public ReadOnlySpan<char> Process => Buffer.Text.Slice(_processStart, _processLength);
    public ReadOnlySpan<char> Message => Buffer.Text.Slice(_messageStart, _messageLength);
    /// <summary>Character index of the message in <see cref="EntryBuffer.Text"/>.</summary>
    public int MessageStart => _messageStart;
    public int MessageLength => _messageLength;

    public void Start(in Line line, in ErrorLogHeader header)
    {
        Buffer.Start(line);
        var text = Buffer.Text;
        Stamp = header.Stamp;
        _stampLength = Math.Min(header.StampLength, text.Length);
        _processStart = Math.Min(header.ProcessStart, text.Length);
        _processLength = Math.Min(header.ProcessLength, text.Length - _processStart);
        _messageStart = Math.Min(header.MessageStart, text.Length);
        _messageLength = Math.Min(header.MessageLength, text.Length - _messageStart);
        ErrorCode = ParseErrorCode(Message);
    }

    public void Append(in Line line) => Buffer.Append(line);

    /// <summary>
    /// Takes <paramref name="line"/> as the message of a lone <c>Error:</c> line when it has the
    /// same timestamp and process: SQL Server writes the number and the text as two lines of one event.
    /// </summary>
    public bool TryPair(in Line line, in ErrorLogHeader header)
    {
        if (ErrorCode is null || Buffer.LineCount != 1 || header.StampLength != _stampLength)
            return false;
        var first = Buffer.Text;
        var text = line.Text;
        if (!text[..header.StampLength].SequenceEqual(first[.._stampLength])
            || !text.Slice(header.ProcessStart, header.ProcessLength).SequenceEqual(Process)
            || ParseErrorCode(text.Slice(header.MessageStart, header.MessageLength)) is not null)
            return false;
        Buffer.Append(line);
        // The paired line is the buffer's last line, so its start is the text's end minus its length.
        var second = Buffer.LineText(1);
        int secondStart = Buffer.Text.Length - second.Length;
        _messageStart = secondStart + Math.Min(header.MessageStart, second.Length);
        _messageLength = Math.Min(header.MessageLength, Buffer.Text.Length - _messageStart);
        return true;
    }

    public void Clear() => Buffer.Clear();

    private static int? ParseErrorCode(ReadOnlySpan<char> message)
    {
        if (!message.StartsWith(ErrorPrefix))
            return null;
        var rest = message[ErrorPrefix.Length..];
        int digits = 0, code = 0;
        while (digits < rest.Length && digits < 9 && char.IsAsciiDigit(rest[digits]))
            code = code * 10 + (rest[digits++] - '0');
        return digits > 0 && rest[digits..].StartsWith(SeverityPrefix) ? code : null;
    }

    public void Dispose() => Buffer.Dispose();
}
