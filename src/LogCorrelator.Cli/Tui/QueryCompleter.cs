namespace LogCorrelator.Cli.Tui;

/// <summary>
/// Tab completion in the query bar: the word before the caret is completed to the longest prefix
/// shared by the candidates that start with it (kinds, filter fields, keywords, codes, and saved
/// query names as <c>@name</c>); one candidate gets a space after it.
/// </summary>
internal sealed class QueryCompleter(IReadOnlyList<string> savedNames)
{
    private static readonly string[] Words =
    [
        "errors", "events", "server-errors", "login-failed", "restart", "ready", "shutdown", "kill", "failover",
        "timewait", "rst", "netconfig", "probe",
        "host", "peer", "source", "spid", "code", "sqlstate", "message", "port", "count", "kind", "codeorigin", "chimney",
        "near", "after", "before", "within", "where", "on", "not", "and", "or", "between", "since", "last",
        "per", "by", "first", "sort", "fields", "asc", "desc",
    ];

    /// <summary>Codes of the connectivity errors the product knows (Winsock, SqlClient, SQLSTATE, SQL Server).</summary>
    private static readonly string[] Codes =
    [
        "10054", "10053", "10060", "10061", "10048", "10055", "08S01", "08001", "-2", "64", "121", "233", "1236", "18456",
        "17830", "17883", "1205", "4014",
    ];

    public IReadOnlyList<string> Candidates(string prefix)
    {
        if (prefix.Length == 0)
            return [];
        IEnumerable<string> all = prefix.StartsWith('@') ? savedNames.Select(n => "@" + n) : Words.Concat(Codes);
        return [.. all.Where(w => w.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Distinct().Order(StringComparer.Ordinal)];
    }

    /// <summary>The text with the word before <paramref name="caret"/> completed, and the new caret.</summary>
    public (string Text, int Caret) Complete(string text, int caret)
    {
        caret = Math.Clamp(caret, 0, text.Length);
        int start = caret;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] is not ('(' or ',' or '|'))
            start--;
        string word = text[start..caret];
        var candidates = Candidates(word);
        if (candidates.Count == 0)
            return (text, caret);
        string done = candidates.Count == 1 ? candidates[0] + " " : CommonPrefix(candidates);
        if (done.Length <= word.Length)
            return (text, caret);
        string rest = text[caret..];
        if (candidates.Count == 1 && rest.StartsWith(' '))
            done = done.TrimEnd();
        return (text[..start] + done + rest, start + done.Length);
    }

    private static string CommonPrefix(IReadOnlyList<string> words)
    {
        string first = words[0];
        int n = first.Length;
        foreach (var w in words)
        {
            int i = 0;
            while (i < n && i < w.Length && char.ToLowerInvariant(w[i]) == char.ToLowerInvariant(first[i]))
                i++;
            n = i;
        }
        return first[..n];
    }
}
