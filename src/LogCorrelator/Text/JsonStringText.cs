using System.Text;
using System.Text.Json;

namespace LogCorrelator.Text;

/// <summary>
/// The content of a JSON string as it sits in a file (between its quotes, escapes intact), made
/// readable: <c>Customer \"ACME\" at D:\\data</c> shows as <c>Customer "ACME" at D:\data</c>.
/// </summary>
public static class JsonStringText
{
    /// <summary>The unescaped text; the raw text when it is no valid string content (a file changed under the store).</summary>
    public static string Decode(string raw)
    {
        if (!raw.Contains('\\'))
            return raw;
        var quoted = new byte[Encoding.UTF8.GetByteCount(raw) + 2];
        quoted[0] = quoted[^1] = (byte)'"';
        Encoding.UTF8.GetBytes(raw, quoted.AsSpan(1));
        try
        {
            var reader = new Utf8JsonReader(quoted);
            return reader.Read() && reader.TokenType == JsonTokenType.String ? reader.GetString() ?? raw : raw;
        }
        catch (JsonException)
        {
            return raw;
        }
        catch (InvalidOperationException)
        {
            return raw;
        }
    }
}
