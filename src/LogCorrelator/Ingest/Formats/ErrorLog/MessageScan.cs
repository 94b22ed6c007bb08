namespace LogCorrelator.Ingest.Formats.ErrorLog;

/// <summary>Small forward-only readers over a message span, for the few messages whose values matter.</summary>
internal static class MessageScan
{
    /// <summary>Reads an unsigned decimal at the start of <paramref name="s"/> and moves past it.</summary>
    public static bool TryInt(ref ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        int i = 0;
        while (i < s.Length && i < 9 && char.IsAsciiDigit(s[i]))
            value = value * 10 + (s[i++] - '0');
        s = s[i..];
        return i > 0;
    }

    /// <summary>Expects <paramref name="prefix"/> at the start of <paramref name="s"/> and moves past it.</summary>
    public static bool TrySkip(ref ReadOnlySpan<char> s, ReadOnlySpan<char> prefix)
    {
        if (!s.StartsWith(prefix, StringComparison.Ordinal))
            return false;
        s = s[prefix.Length..];
        return true;
    }

    /// <summary>Reads <c>"value"</c> (or with <paramref name="quote"/>) at the start of <paramref name="s"/> and moves past it.</summary>
    public static bool TryQuoted(ref ReadOnlySpan<char> s, char quote, out ReadOnlySpan<char> value)
    {
        value = default;
        if (s.IsEmpty || s[0] != quote)
            return false;
        int end = s[1..].IndexOf(quote);
        if (end < 0)
            return false;
        value = s.Slice(1, end);
        s = s[(end + 2)..];
        return true;
    }

    /// <summary>The address in <c>[CLIENT: 10.20.1.77]</c>, where SQL Server names the other end of a login.</summary>
    public static ReadOnlySpan<char> Client(ReadOnlySpan<char> message)
    {
        int at = message.IndexOf("[CLIENT: ", StringComparison.Ordinal);
        if (at < 0)
            return default;
        var rest = message[(at + "[CLIENT: ".Length)..];
        int end = rest.IndexOf(']');
        return end < 0 ? default : rest[..end].Trim();
    }
}
