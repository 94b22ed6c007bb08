using System.Buffers;
using LogCorrelator.Text;

namespace LogCorrelator.Ingest.Classify;

/// <summary>
/// Decides whether an entry's text (a message, an exception and its stack trace, any driver's wording)
/// carries a database client error, and reads its code, SQLSTATE, errno and connection id.
/// Shared by every client-side ingester: SqlClient app logs, ODBC, pyodbc and JDBC.
/// </summary>
internal static class ClientErrorClassifier
{
    // The hot-path test every entry pays: a few short anchors, one of which every word of
    // DriverContextWords contains. Measured here, a short list scans several times faster than the
    // full one, and ordinary INF lines match none of them.
    internal static readonly string[] AnchorWords =
        ["sql", "odbc", "jdbc", "tds", "dbnetlib", "[08", "provider:", ", level ", "login failed", "tedious", ":1433", "clientconnectionid"];

    private static readonly SearchValues<string> Anchors = SearchValues.Create(AnchorWords, StringComparison.OrdinalIgnoreCase);

    // Every database client error text names its driver or its protocol somewhere. Without one of
    // these the entry is no database error, whatever else it says: an HttpClient reset ("forcibly
    // closed by the remote host") is a network error of some other service.
    internal static readonly string[] DriverContextWords =
    [
        "SqlException", "SqlClient", "SQLServerException", "SQLNonTransient", "SQLTransient", "SQLRecoverable",
        "OdbcException", "pyodbc", "ODBC", "jdbc", "jtds", "FreeTDS", "DBNETLIB", "SQL Native Client", "SQL Server",
        "SQLSTATE", "SQL State", "[08", "provider:", ", Level ", "Login failed for user",
        // Node's tedious and mssql, Go's and Ruby's drivers name themselves so, Telegraf's input and a
        // connection to SQL Server's port say it too (wild corpus native/).
        "mssql", "tedious", "TinyTds", "sqlserver", ":1433", "ClientConnectionId", "SQLServerConnection",
    ];

    private static readonly SearchValues<string> DriverContext = SearchValues.Create(DriverContextWords, StringComparison.OrdinalIgnoreCase);

    // Texts only a database driver writes: they are their own context, whatever surrounds them (a JSON
    // response body, a tool's message box). Winsock's texts are not: any client prints those.
    private static readonly string[] DriverTextWords =
        [
            "Execution Timeout Expired", "A transport-level error has occurred", "A network-related or instance-specific error",
            "Das Ausführungstimeout ist abgelaufen", "Fehler bei der Anmeldung für den Benutzer",
            // tiberius (Rust) and tedious (Node) wordings (wild corpus native/082, world/001, native/037)
            "An error occured during the attempt of performing I/O", "ConnectionError: Connection lost",
            // FreeTDS's TDSDUMP: tdserror(ctx, tds, msgno, errnum) (wild corpus native/059)
            "tdserror(",
        ];

    // Split by script: a searcher with a non-ASCII value loses the vectorized path, and most text is ASCII.
    private static readonly SearchValues<string> DriverTexts = SearchValues.Create(
        DriverTextWords.Where(IsAscii).ToArray(), StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<string> TranslatedDriverTexts = SearchValues.Create(
        DriverTextWords.Where(w => !IsAscii(w)).ToArray(), StringComparison.Ordinal);

    // Exception types that are database errors whatever their text says (a constraint violation is one too).
    private static readonly SearchValues<string> DriverExceptions = SearchValues.Create(
        ["SqlException", "SQLServerException", "SQLNonTransient", "SQLTransient", "SQLRecoverable", "OdbcException", "pyodbc."],
        StringComparison.OrdinalIgnoreCase);

    // Every rule's phrase in one filter: an entry (a 5 KB stack trace) is scanned once for all of them
    // instead of once per rule, which made classification the most expensive step of ingest. The
    // translated phrases apart: most entries have no non-ASCII character at all.
    private static readonly int[] AsciiRules = Enumerable.Range(0, ClientErrorRules.All.Count).Where(r => IsAscii(ClientErrorRules.All[r].Phrase)).ToArray();

    private static readonly PhraseFilter Phrases = new(AsciiRules.Select(r => ClientErrorRules.All[r].Phrase));

    private static readonly SearchValues<string> TranslatedPhrases = SearchValues.Create(
        ClientErrorRules.All.Select(r => r.Phrase).Where(p => !IsAscii(p)).Distinct(StringComparer.Ordinal).ToArray(),
        StringComparison.Ordinal);

    private static bool IsAscii(string s) => !s.AsSpan().ContainsAnyExceptInRange('\0', '\x7f');

    /// <summary>The cheap first test: false means the text is surely no database client error.</summary>
    public static bool HasHint(ReadOnlySpan<char> text) => text.ContainsAny(Anchors);

    /// <summary>
    /// tedious's own connect timer: <c>Failed to connect to host:1433 in 15000ms</c> (wild corpus native/012,
    /// 053, 064, 065): the client gave up, as SqlClient's -2 does.
    /// </summary>
    public static bool IsConnectTimeout(ReadOnlySpan<char> text)
    {
        int at = text.IndexOf("Failed to connect to ", StringComparison.Ordinal);
        if (at < 0)
            return false;
        var rest = text[(at + 21)..];
        int nl = rest.IndexOf('\n');
        var line = nl < 0 ? rest : rest[..nl];
        int word = line.IndexOf(" in ", StringComparison.Ordinal);
        if (word < 0)
            return false;
        var after = line[(word + 4)..];
        int digits = 0;
        while (digits < after.Length && char.IsAsciiDigit(after[digits]))
            digits++;
        return digits > 0 && after[digits..].StartsWith("ms", StringComparison.Ordinal);
    }

    /// <summary>True when some rule's phrase occurs in the text.</summary>
    public static bool HasPhrase(ReadOnlySpan<char> text) =>
        Phrases.ContainsAny(text) || (text.ContainsAnyExceptInRange('\0', '\x7f') && text.ContainsAny(TranslatedPhrases));

    /// <summary>Where the first database exception type name occurs, or -1.</summary>
    public static int IndexOfDriverException(ReadOnlySpan<char> text) => text.IndexOfAny(DriverExceptions);

    /// <param name="assumeDatabase">The text around the entry already names a database (the general reader's
    /// file context), so a socket error with no driver word of its own is still a database client's.</param>
    /// <param name="withAlternatives">Keep the other numbers the text prints (provider error, inner OS error) beside the code.</param>
    public static bool TryClassify(ReadOnlySpan<char> text, NamePool names, out ClientError error, bool assumeDatabase = false,
        bool withAlternatives = false)
    {
        error = default;
        bool context = (HasHint(text) && text.ContainsAny(DriverContext)) || text.ContainsAny(DriverTexts)
            || (text.ContainsAnyExceptInRange('\0', '\x7f') && text.ContainsAny(TranslatedDriverTexts));
        // Without a driver's word, only a file that names a database lets a phrase or a stated number speak.
        bool phrase = true;
        if (!context)
        {
            if (!assumeDatabase)
                return false;
            phrase = HasPhrase(text);
            if (!phrase && !StatedNumbers.TryCode(text, out _) && !IsConnectTimeout(text))
                return false;
        }

        Span<int> printed = stackalloc int[6];
        int alternatives = 0;
        bool recognised = DecideCode(text, out _, out bool stated, out int? code, out int? errno, out string? impliedState,
            withAlternatives ? printed : [], ref alternatives, phrase);
        string? sqlState = impliedState;
        if (StatedNumbers.TrySqlState(text, out Range state))
        {
            sqlState = names.Intern(text[state]);
            recognised = true;
            if (!stated)
                stated = PrimaryRecordCode(text, state, ref code, ref errno);
        }
        recognised |= IndexOfDriverException(text) >= 0;
        if (code is null && IsConnectTimeout(text))
        {
            code = -2;
            recognised = true;
        }
        if (withAlternatives && (recognised || context))
            alternatives += StatedNumbers.Alternatives(text, printed[alternatives..]);
        // A driver's text that prints its own number for the failure (ODBC's "Error code 0x2AF9") is an
        // error even when no phrase of ours names it.
        recognised |= context && alternatives > 0;
        bool implied = code is not null && !stated;
        // The printed numbers stay beside the code, never in its place: the code is SqlException.Number's
        // meaning whatever the driver, and a query on 10054 must find every reset.
        if (!recognised)
            return false;

        string? connectionId = StatedNumbers.TryConnectionId(text, out Range id) ? text[id].ToString() : null;
        string? alt = null;
        for (int i = 0; i < alternatives; i++)
        {
            if (printed[i] == code || printed[i] == errno || printed[..i].Contains(printed[i]))
                continue;
            string n = printed[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
            alt = alt is null ? n : alt + "," + n;
        }
        error = new ClientError(code, sqlState, errno, connectionId, alt, implied);
        return true;
    }

    /// <summary>
    /// ODBC lists its diagnostic records most important first (the TCP provider's reset before the
    /// login timeout it caused), so the record of the chosen SQLSTATE decides the code: by phrase,
    /// else by the native error it states, which is the driver's own number. A phrase rule that
    /// normalises (0x68 is Linux errno 104, read as 10054) speaks before the raw native error.
    /// </summary>
    /// <returns>True when the code is a number the record prints (its native error), not one its words imply.</returns>
    private static bool PrimaryRecordCode(ReadOnlySpan<char> text, Range state, ref int? code, ref int? errno)
    {
        int none = 0;
        DecideCode(StatedNumbers.DiagnosticRecord(text, state), out bool decided, out bool stated, out int? recordCode, out int? recordErrno, out _, [], ref none);
        if (decided)
        {
            (code, errno) = (recordCode, recordErrno);
            // The phrase chose the number, and the record prints it too (its native error): printed.
            return stated || (StatedNumbers.TryNativeError(text, state, out int printed) && printed == recordCode);
        }
        if (StatedNumbers.TryNativeError(text, state, out int native))
        {
            (code, errno) = (native, null);
            return true;
        }
        return false;
    }

    /// <summary>
    /// The code one part of an entry decides on its own (a <c>Caused by:</c> segment of a Java trace),
    /// by stated number or phrase, without asking for driver context: the caller already knows the
    /// entry is a database error. False when the part decides nothing.
    /// </summary>
    public static bool TryDecideCode(ReadOnlySpan<char> part, out int? code, out int? errno)
    {
        int none = 0;
        DecideCode(part, out bool decided, out _, out code, out errno, out _, [], ref none);
        return decided;
    }

    /// <param name="stated">The code is a number the text prints (<c>Error Number:</c>, <c>Msg N</c>), not one a phrase implies.</param>
    /// <param name="library">Receives the library numbers of the rules that matched (FreeTDS's), up to its length.</param>
    /// <param name="mayHavePhrase">False when the caller already knows no phrase occurs (one search, not two).</param>
    private static bool DecideCode(ReadOnlySpan<char> text, out bool codeDecided, out bool stated, out int? code, out int? errno, out string? impliedState,
        Span<int> library, ref int libraryCount, bool mayHavePhrase = true)
    {
        bool recognised = false;
        code = null;
        errno = null;
        impliedState = null;
        codeDecided = stated = StatedNumbers.TryCode(text, out int printed);
        if (codeDecided)
        {
            code = printed;
            recognised = true;
        }
        var rules = ClientErrorRules.All;
        Span<bool> present = rules.Count <= 256 ? stackalloc bool[rules.Count] : new bool[rules.Count];
        if (mayHavePhrase)
            MarkPresent(text, present);
        for (int r = 0; r < rules.Count; r++)
        {
            if (!present[r])
                continue;
            ClientErrorRule rule = rules[r];
            recognised = true;
            impliedState ??= rule.SqlState;
            if (rule.Library is int number && libraryCount < library.Length)
                library[libraryCount++] = number;
            if (!codeDecided && rule.DecidesCode)
            {
                code = rule.Code;
                errno = rule.Errno;
                codeDecided = true;
                stated = rule.Printed;
            }
        }
        return recognised;
    }

    /// <summary>Marks the rules whose phrase occurs anywhere in the text, in one pass over it.</summary>
    /// <remarks>
    /// Stack frames (<c>   at Namespace.Type.Method(...)</c>), most of a .NET or Java entry's text, never
    /// hold a driver's phrase: only the other lines are searched (measured: the phrase search over whole
    /// traces made applog ingest 1.5x slower once the table grew to 74 phrases).
    /// </remarks>
    private static void MarkPresent(ReadOnlySpan<char> text, Span<bool> present)
    {
        bool translated = text.ContainsAnyExceptInRange('\0', '\x7f');
        Span<bool> ascii = stackalloc bool[AsciiRules.Length];
        foreach (var range in text.Split('\n'))
        {
            var line = text[range];
            if (IsFrame(line))
                continue;
            Phrases.Mark(line, ascii);
            if (translated)
                MarkTranslated(line, present);
        }
        for (int p = 0; p < ascii.Length; p++)
        {
            if (ascii[p])
                present[AsciiRules[p]] = true;
        }
    }

    private static bool IsFrame(ReadOnlySpan<char> line)
    {
        int i = 0;
        while (i < line.Length && line[i] is ' ' or '\t')
            i++;
        return i > 0 && line[i..].StartsWith("at ", StringComparison.Ordinal);
    }

    private static void MarkTranslated(ReadOnlySpan<char> text, Span<bool> present)
    {
        var rules = ClientErrorRules.All;
        int offset = 0;
        while (offset < text.Length)
        {
            int found = text[offset..].IndexOfAny(TranslatedPhrases);
            if (found < 0)
                return;
            var at = text[(offset + found)..];
            // Only the rules whose phrase begins with these two letters can match here (the translated ones).
            if (ByPrefix.TryGetValue(PrefixKey(at), out int[]? candidates))
            {
                foreach (int r in candidates)
                {
                    if (!present[r] && at.StartsWith(rules[r].Phrase, StringComparison.OrdinalIgnoreCase))
                        present[r] = true;
                }
            }
            offset += found + 1;
        }
    }

    private static readonly Dictionary<int, int[]> ByPrefix = ClientErrorRules.All
        .Select((rule, index) => (Key: PrefixKey(rule.Phrase), index))
        .Where(x => !IsAscii(ClientErrorRules.All[x.index].Phrase))
        .GroupBy(x => x.Key)
        .ToDictionary(g => g.Key, g => g.Select(x => x.index).ToArray());

    private static int PrefixKey(ReadOnlySpan<char> s) =>
        s.Length < 2 ? char.ToLowerInvariant(s[0]) : char.ToLowerInvariant(s[0]) << 16 | char.ToLowerInvariant(s[1]);
}
