using LogCorrelator.Ingest.Formats.Network;

namespace LogCorrelator.Ingest.Formats.Text;

/// <summary>What a line without a timestamp of its own is, for framing: the start of something new, or more of the entry above.</summary>
internal static class TextLines
{
    private static readonly string[] ContinuationStarts =
    [
        "at ", "---", "Caused by", "Inner Exception", "InnerException", "ClientConnectionId", "Error Number", "The above exception",
        "During handling", "Traceback", "File \"", "...", "Stack Trace", "StackTrace", "Exception Details", "Source Error",
    ];

    // Server messages that open an entry of their own when a log's timestamps were cut off.
    private static readonly string[] ServerStarts =
    [
        "Error: ", "Login failed for user", "SQL Server is terminating", "SQL Server is now ready", "Server process ID is",
        "Microsoft SQL Server 20", "Process ID ", "The state of the local availability replica", "The mirrored database",
        "The availability group database",
    ];

    // Microsoft.Extensions.Logging's console layout: "fail: Category[EventId]" opens an entry.
    private static readonly string[] LevelPrefixes = ["fail: ", "crit: ", "warn: ", "info: ", "dbug: ", "trce: "];

    // List items: Markdown and plain bullets, and the status marks of console tools such as metasploit's "[-] ".
    private static readonly string[] Bullets = ["• ", "* ", "- ", "[-] ", "[*] ", "[+] ", "[!] "];

    /// <summary>A line that, after a blank line, still belongs to the entry above (a stack frame, a chained exception).</summary>
    public static bool IsContinuation(ReadOnlySpan<char> content)
    {
        if (content.Length > 0 && content[0] is ' ' or '\t')
            return true;
        foreach (var s in ContinuationStarts)
        {
            if (content.StartsWith(s, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>A line that opens an entry wherever it stands: a server message, a level prefix, a packet.</summary>
    public static bool StartsEntry(ReadOnlySpan<char> content)
    {
        var t = content.TrimStart();
        foreach (var s in ServerStarts)
        {
            if (t.StartsWith(s, StringComparison.Ordinal) && (s != "Error: " && s != "Process ID " || FollowedByNumber(t[s.Length..])))
                return true;
        }
        if (Classify.StatedNumbers.StartsWithMsg(t))
            return true;
        foreach (var s in LevelPrefixes)
        {
            if (content.StartsWith(s, StringComparison.Ordinal))
                return true;
        }
        foreach (var s in Bullets)
        {
            if (t.StartsWith(s, StringComparison.Ordinal))
                return true;
        }
        return TsharkLine.TryParse(content, out _);
    }

    /// <summary><c>Error: 18456, Severity: 14, State: 8.</c>: the first of ERRORLOG's two lines for one error.</summary>
    public static bool IsErrorHeader(ReadOnlySpan<char> message, out int code)
    {
        code = 0;
        int nl = message.IndexOf('\n');
        var line = nl < 0 ? message : message[..nl];
        line = line[..Math.Min(line.Length, 96)];
        // Most lines have no colon, and most of the rest are ASCII: the translated words are looked for last.
        if (line.IndexOfAny(':', '：') < 0)
            return false;
        int first = line.IndexOfAny(AsciiErrorSearch);
        if (first < 0 && line.ContainsAnyExceptInRange('\0', '\x7f'))
            first = line.IndexOfAny(ErrorSearch);
        if (first < 0 || first > 64)
            return false;
        foreach (var word in ErrorWords)
        {
            int at = line.IndexOf(word, StringComparison.Ordinal);
            if (at < 0 || at > 64)
                continue;
            var t = line[(at + word.Length)..].TrimStart(' ');
            int n = 0;
            while (n < t.Length && char.IsAsciiDigit(t[n]))
                n++;
            // "Error: 18456, Severity: 14, State: 8." and its translations: a number, a comma, a word, a colon.
            if (n > 0 && n <= 6 && t.Length > n + 2 && t[n] is ',' or '，' or '、' && SeverityFollows(t[(n + 1)..]))
                return int.TryParse(t[..n], out code);
        }
        return false;
    }

    /// <summary>", Severity: 14" in any language; retyped "Severity 14" too (wild corpus jdbc-server/045).</summary>
    private static bool SeverityFollows(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart(' ');
        int word = 0;
        while (word < rest.Length && word < 16 && rest[word] is not (':' or '：' or ' ' or ','))
            word++;
        if (word == 0 || word >= rest.Length)
            return false;
        var after = rest[word..];
        var spaced = after.TrimStart(' ');
        bool colon = spaced.Length > 0 && spaced[0] is ':' or '：';
        after = after.TrimStart(" :：");
        return after.Length > 0 && char.IsAsciiDigit(after[0]) && (colon || rest[..word].SequenceEqual("Severity"));
    }

    // ERRORLOG's "Error:" in the languages SQL Server writes it (wild corpus world/005-016), and retyped "Error :".
    private static readonly string[] ErrorWords = ["Error:", "Error :", "Erreur :", "Ошибка:", "エラー:", "오류:", "错误:", "錯誤:", "Erro:"];

    private static readonly System.Buffers.SearchValues<string> ErrorSearch =
        System.Buffers.SearchValues.Create(ErrorWords, StringComparison.Ordinal);

    private static readonly System.Buffers.SearchValues<string> AsciiErrorSearch =
        System.Buffers.SearchValues.Create(["Error:", "Error :", "Erreur :", "Erro:"], StringComparison.Ordinal);

    /// <summary>
    /// <c>Microsoft.Data.SqlClient.SqlException (0x80131904): ...</c>, <c>java.sql.SQLException: ...</c>,
    /// <c>Unhandled exception. System.Exception: ...</c>: a type whose name ends in Exception or Error, stated.
    /// </summary>
    public static bool IsExceptionHead(ReadOnlySpan<char> content)
    {
        var t = content.TrimStart();
        if (t.StartsWith("Unhandled exception. ", StringComparison.Ordinal))
            t = t[21..];
        int i = 0;
        while (i < t.Length && (char.IsAsciiLetterOrDigit(t[i]) || t[i] is '.' or '_' or '$'))
            i++;
        if (i < 5)
            return false;
        var type = t[..i];
        if (!type.EndsWith("Exception", StringComparison.Ordinal) && !type.EndsWith("Error", StringComparison.Ordinal))
            return false;
        var rest = t[i..];
        if (rest.StartsWith(" (", StringComparison.Ordinal))
        {
            int close = rest.IndexOf(')');
            if (close < 0)
                return false;
            rest = rest[(close + 1)..];
        }
        return rest.StartsWith(':') || rest.IsEmpty;
    }

    /// <summary>A .NET or Java stack frame.</summary>
    public static bool IsFrame(ReadOnlySpan<char> content)
    {
        var t = content.TrimStart();
        return t.Length < content.Length && t.StartsWith("at ", StringComparison.Ordinal);
    }

    private static bool FollowedByNumber(ReadOnlySpan<char> s) => s.Length > 0 && char.IsAsciiDigit(s[0]);
}
