namespace LogCorrelator.Ingest.Formats.Text;

/// <summary>
/// What text picks up on its way from a log to a folder (a Markdown quote, a code fence, a
/// docker-compose service prefix, a grid's pipes, HTML and JSON-string escapes), taken off again.
/// Line prefixes are cut by slicing, so a line keeps its place and byte offsets in the file;
/// escapes are decoded into a copy, for classifying only.
/// </summary>
internal static class Transport
{
    /// <summary>A fence line (<c>```</c>, <c>```text</c>, <c>~~~</c>): a paragraph break, nothing to read.</summary>
    public static bool IsFence(ReadOnlySpan<char> content)
    {
        var t = content.TrimStart();
        return (t.StartsWith("```", StringComparison.Ordinal) || t.StartsWith("~~~", StringComparison.Ordinal))
            && !t[3..].Contains(' ');
    }

    /// <summary>
    /// The number of leading characters that are wrapping, not text: Markdown quote markers
    /// (<c>&gt; &gt; </c>), a docker-compose prefix (<c>web_1  | </c>), a grid's leading pipe, and
    /// Markdown emphasis or code ticks at the start.
    /// </summary>
    public static int PrefixLength(ReadOnlySpan<char> line)
    {
        int i = 0;
        while (true)
        {
            int j = i;
            while (j < line.Length && line[j] is ' ' or '\t' && j - i < 4)
                j++;
            // "> text", ">> text", and at a line's very start ">text" (Markdown allows the blank out).
            if (j < line.Length && line[j] == '>' && (j + 1 == line.Length || line[j + 1] is ' ' or '>' or '\t' || (j == 0 && line[1] is not ('=' or '>'))))
            {
                i = j + 1;
                if (i < line.Length && line[i] == ' ')
                    i++;
                continue;
            }
            if (line[j..].StartsWith("&gt; ", StringComparison.Ordinal))
            {
                i = j + 5;
                continue;
            }
            if (j < line.Length && line[j] == '|' && i == 0)
            {
                i = j + 1;
                if (i < line.Length && line[i] == ' ')
                    i++;
                continue;
            }
            // An HTML tag at the start (<span style="color:red">Msg 6107...): markup, not text.
            if (j < line.Length && line[j] == '<' && j + 1 < line.Length && char.IsAsciiLetter(line[j + 1]) && line[j..].IndexOf('>') is int close and > 0 and < 80)
            {
                i = j + close + 1;
                continue;
            }
            int compose = ComposePrefix(line[i..]);
            if (compose > 0)
            {
                i += compose;
                continue;
            }
            break;
        }
        while (i < line.Length && line[i] == '`')
            i++;
        if (i + 1 < line.Length && line[i] == '*' && line[i + 1] == '*')
            i += 2;
        return i;
    }

    /// <summary><c>web_1  | </c>, <c>api-1  | </c>, <c>mssql | </c>: a service name, blanks, a pipe.</summary>
    private static int ComposePrefix(ReadOnlySpan<char> s)
    {
        int i = 0;
        while (i < s.Length && i < 40 && (char.IsAsciiLetterOrDigit(s[i]) || s[i] is '_' or '-' or '.'))
            i++;
        if (i == 0 || i >= s.Length || s[i] != ' ')
            return 0;
        int j = i;
        while (j < s.Length && s[j] == ' ')
            j++;
        if (j >= s.Length || s[j] != '|' || (j + 1 < s.Length && s[j + 1] is not (' ' or '\t')))
            return 0;
        return Math.Min(s.Length, j + 2);
    }

    // The escapes that change what a phrase reads like; a backslash in a Windows path is not one of them.
    private static readonly System.Buffers.SearchValues<string> Escapes = System.Buffers.SearchValues.Create(
        ["\\r", "\\n", "\\t", "\\\"", "\\u", "&lt;", "&gt;", "&amp;", "&quot;", "&apos;", "&nbsp;", "&#"], StringComparison.Ordinal);

    /// <summary>True when <paramref name="text"/> holds an escape worth decoding before classifying.</summary>
    public static bool HasEscapes(ReadOnlySpan<char> text) => text.ContainsAny(Escapes);

    /// <summary>
    /// Decodes HTML entities (<c>&amp;lt;</c>, <c>&amp;#39;</c>, <c>&amp;nbsp;</c>) and JSON-string escapes
    /// (<c>\r\n</c>, <c>\"</c>, <c>\u0027</c>) into <paramref name="into"/>; other text is copied as it is.
    /// </summary>
    public static int Decode(ReadOnlySpan<char> text, Span<char> into)
    {
        int n = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '&' && TryEntity(text[i..], out char decoded, out int used))
            {
                into[n++] = decoded;
                i += used - 1;
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                char e = text[i + 1];
                switch (e)
                {
                    case 'r':
                    case 'n':
                        into[n++] = '\n';
                        i++;
                        if (e == 'r' && i + 2 < text.Length && text[i + 1] == '\\' && text[i + 2] == 'n')
                            i += 2;
                        break;
                    case 't':
                        into[n++] = ' ';
                        i++;
                        break;
                    case '"' or '\\' or '/':
                        into[n++] = e;
                        i++;
                        break;
                    case 'u' when i + 5 < text.Length && ushort.TryParse(text.Slice(i + 2, 4), System.Globalization.NumberStyles.HexNumber, null, out ushort u):
                        into[n++] = (char)u;
                        i += 5;
                        break;
                    default:
                        into[n++] = c;
                        break;
                }
            }
            else
            {
                into[n++] = c;
            }
        }
        return n;
    }

    private static bool TryEntity(ReadOnlySpan<char> s, out char decoded, out int used)
    {
        decoded = '\0';
        used = 0;
        int semi = s[..Math.Min(s.Length, 10)].IndexOf(';');
        if (semi < 2)
            return false;
        var name = s[1..semi];
        used = semi + 1;
        if (name[0] == '#')
        {
            bool hex = name.Length > 1 && name[1] is 'x' or 'X';
            var digits = hex ? name[2..] : name[1..];
            if (int.TryParse(digits, hex ? System.Globalization.NumberStyles.HexNumber : System.Globalization.NumberStyles.None, null, out int code)
                && code is > 0 and < 0xFFFF)
            {
                decoded = (char)code;
                return true;
            }
            return false;
        }
        decoded = name switch
        {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => ' ',
            _ => '\0',
        };
        return decoded != '\0';
    }
}
