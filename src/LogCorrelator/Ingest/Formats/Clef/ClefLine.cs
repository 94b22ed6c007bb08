using System.Buffers;
using System.Text;
using System.Text.Json;
using LogCorrelator.Text;
using LogCorrelator.Time;

namespace LogCorrelator.Ingest.Formats.Clef;

/// <summary>
/// One CLEF line, parsed in place and reused for every line: the line's chars are transcoded into a
/// pooled UTF-8 buffer and read with <see cref="Utf8JsonReader"/> (no DOM; nothing is allocated per
/// line but a bad line's problem text). The message and exception are kept twice: as byte ranges of
/// their raw JSON strings in <see cref="Utf8"/> (what an event points at in the file) and unescaped
/// in <see cref="Text"/>, joined by '\n', for the classifier.
/// </summary>
internal sealed class ClefLine : IDisposable
{
    private const int MaxStampChars = 64;
    private const int MaxMachineChars = 256;

    private byte[] _utf8 = ArrayPool<byte>.Shared.Rent(4096);
    private char[] _text = ArrayPool<char>.Shared.Rent(4096);
    private int _utf8Length, _textLength;

    public LocalStamp Stamp { get; private set; }
    /// <summary>Where the content of <c>@m</c> (else <c>@mt</c>) sits in <see cref="Utf8"/>, between its quotes.</summary>
    public Range MessageRaw { get; private set; }
    public Range ExceptionRaw { get; private set; }
    public bool HasMessage { get; private set; }
    public bool HasException { get; private set; }
    /// <summary>Where the unescaped exception starts in <see cref="Text"/>, after the message and a '\n'.</summary>
    public int ExceptionStart { get; private set; }
    /// <summary>The <c>MachineName</c> property, interned.</summary>
    public string? Machine { get; private set; }
    /// <summary>Why the last <see cref="TryParse"/> failed.</summary>
    public string Problem { get; private set; } = "";

    public ReadOnlySpan<byte> Utf8 => _utf8.AsSpan(0, _utf8Length);
    /// <summary>The unescaped message, then '\n' and the unescaped exception when there is one.</summary>
    public ReadOnlySpan<char> Text => _text.AsSpan(0, _textLength);
    public ReadOnlySpan<char> Message => _text.AsSpan(0, HasException ? ExceptionStart - 1 : _textLength);
    public ReadOnlySpan<char> Exception => HasException ? _text.AsSpan(ExceptionStart, _textLength - ExceptionStart) : default;

    public bool TryParse(ReadOnlySpan<char> line, NamePool names)
    {
        Machine = null;
        HasMessage = HasException = false;
        MessageRaw = ExceptionRaw = default;
        _textLength = 0;
        var trimmed = line.TrimStart();
        if (trimmed.IsEmpty || trimmed[0] != '{')
            return Fail("not a CLEF event (a line of plain text, not a JSON object)");
        Transcode(line);

        bool hasTime = false, badTime = false;
        Range rendered = default, template = default;
        bool hasRendered = false, hasTemplate = false;
        var reader = new Utf8JsonReader(Utf8);
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = ClefFields.Of(ref reader);
                reader.Read();
                bool isString = reader.TokenType == JsonTokenType.String;
                switch (field)
                {
                    case ClefField.Time:
                        hasTime = true;
                        badTime = !isString || !TryStamp(ref reader);
                        break;
                    case ClefField.Rendered when isString:
                        rendered = RawRange(ref reader);
                        hasRendered = true;
                        break;
                    case ClefField.Template when isString:
                        template = RawRange(ref reader);
                        hasTemplate = true;
                        break;
                    case ClefField.Exception when isString:
                        ExceptionRaw = RawRange(ref reader);
                        HasException = true;
                        break;
                    case ClefField.Machine when isString:
                        Machine = Intern(ref reader, names);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
            // Anything after the object's end (a second object, stray text) throws here.
            while (reader.Read())
            {
            }
        }
        catch (JsonException)
        {
            return Fail("not a CLEF event (malformed JSON)");
        }
        if (!hasTime)
            return Fail("not a CLEF event (no @t timestamp)");
        if (badTime)
            return Fail("unreadable @t timestamp");

        HasMessage = hasRendered || hasTemplate;
        // A template that puts a property beside a secret key (Password={Pw}) renders the secret into @m:
        // the event then shows the template, whose placeholder the redactor masks.
        MessageRaw = hasRendered && !(hasTemplate && NamesSecret(template)) ? rendered : template;
        Unescape();
        return true;
    }

    private bool NamesSecret(Range template)
    {
        var bytes = Utf8[template];
        if (bytes.IndexOf((byte)'{') < 0)
            return false;
        char[]? rented = null;
        Span<char> chars = bytes.Length <= 512 ? stackalloc char[512] : (rented = ArrayPool<char>.Shared.Rent(bytes.Length));
        try
        {
            var text = chars[..Encoding.UTF8.GetChars(bytes, chars)];
            return Redactor.MayContainSecret(text) && ClefTemplateSecrets.HasSecretPlaceholder(text);
        }
        finally
        {
            if (rented is not null)
                ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>A string token's content between its quotes; <see cref="Utf8JsonReader.TokenStartIndex"/> is the opening quote.</summary>
    private static Range RawRange(ref Utf8JsonReader reader)
    {
        int start = (int)reader.TokenStartIndex + 1;
        return new Range(start, start + reader.ValueSpan.Length);
    }

    private bool TryStamp(ref Utf8JsonReader reader)
    {
        if (reader.ValueSpan.Length > MaxStampChars)
            return false;
        Span<char> chars = stackalloc char[MaxStampChars];
        int n = reader.CopyString(chars);
        if (!TimestampParser.TryParse(chars[..n], out LocalStamp stamp, out int used) || used != n)
            return false;
        Stamp = stamp;
        return true;
    }

    private static string? Intern(ref Utf8JsonReader reader, NamePool names)
    {
        if (reader.ValueSpan.Length is 0 or > MaxMachineChars)
            return null;
        Span<char> chars = stackalloc char[MaxMachineChars];
        int n = reader.CopyString(chars);
        var name = chars[..n].Trim();
        return name.IsEmpty ? null : names.Intern(name);
    }

    private void Transcode(ReadOnlySpan<char> line)
    {
        int max = Encoding.UTF8.GetMaxByteCount(line.Length);
        if (_utf8.Length < max)
        {
            ArrayPool<byte>.Shared.Return(_utf8);
            _utf8 = ArrayPool<byte>.Shared.Rent(max);
        }
        _utf8Length = Encoding.UTF8.GetBytes(line, _utf8);
    }

    /// <summary>Fills <see cref="Text"/>: a JSON string never unescapes to more chars than its raw bytes.</summary>
    private void Unescape()
    {
        int messageBytes = HasMessage ? MessageRaw.GetOffsetAndLength(_utf8Length).Length : 0;
        int exceptionBytes = HasException ? ExceptionRaw.GetOffsetAndLength(_utf8Length).Length : 0;
        int max = messageBytes + 1 + exceptionBytes;
        if (_text.Length < max)
        {
            ArrayPool<char>.Shared.Return(_text);
            _text = ArrayPool<char>.Shared.Rent(max);
        }
        int n = HasMessage ? RawJsonString.Unescape(Quoted(MessageRaw), _text) : 0;
        if (HasException)
        {
            _text[n++] = '\n';
            ExceptionStart = n;
            n += RawJsonString.Unescape(Quoted(ExceptionRaw), _text.AsSpan(n));
        }
        _textLength = n;
    }

    /// <summary>The string token with its quotes, as the bytes around a raw range always are.</summary>
    private ReadOnlySpan<byte> Quoted(Range raw)
    {
        var (start, length) = raw.GetOffsetAndLength(_utf8Length);
        return _utf8.AsSpan(start - 1, length + 2);
    }

    private bool Fail(string problem)
    {
        Problem = problem;
        return false;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_utf8);
        ArrayPool<char>.Shared.Return(_text);
        _utf8 = [];
        _text = [];
    }
}
