using System.Text;

namespace LogCorrelator.Text;

/// <summary>
/// System.Text.Json's default encoder writes quotes, apostrophes, ampersands and angle brackets as
/// <c>\u0022</c>, <c>\u0027</c>, <c>\u0026</c>, <c>\u003C</c>, <c>\u003E</c> (HTML-safe JSON), so a
/// connection string logged as JSON reads <c>Password=\u0022a b\u0022</c>. Before redaction they are
/// written back as <c>\"</c> and the plain characters: still valid JSON, and the secret patterns see
/// the quotes and separators that delimit a value.
/// </summary>
internal static class JsonEscapes
{
    public static string Relax(string text)
    {
        int i = text.IndexOf("\\u00", StringComparison.OrdinalIgnoreCase);
        if (i < 0)
            return text;
        var b = new StringBuilder(text.Length);
        int from = 0;
        for (; i >= 0 && i + 6 <= text.Length; i = text.IndexOf("\\u00", i + 1, StringComparison.OrdinalIgnoreCase))
        {
            // An escaped backslash before it (\\u0022) is a backslash and text, not an escape.
            if (i > 0 && text[i - 1] == '\\' && (i < 2 || text[i - 2] != '\\'))
                continue;
            string? plain = text.AsSpan(i + 4, 2) switch
            {
                "22" => "\\\"",
                "27" => "'",
                "26" => "&",
                "3C" or "3c" => "<",
                "3E" or "3e" => ">",
                "2B" or "2b" => "+",
                "60" => "`",
                _ => null,
            };
            if (plain is null)
                continue;
            b.Append(text, from, i - from).Append(plain);
            from = i + 6;
        }
        return from == 0 ? text : b.Append(text, from, text.Length - from).ToString();
    }
}
