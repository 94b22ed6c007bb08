namespace LogCorrelator.Time;

/// <summary>
/// The timestamp layouts one file uses, inferred from its first lines: the forms seen (most
/// frequent first), how far into a line a timestamp may start, and whether slashed dates are
/// day first (and whether the file's values settled that).
/// </summary>
public sealed class StampProfile
{
    /// <summary>A timestamp further into a line than this is text, not the start of an entry.</summary>
    public const int MaxColumn = 64;

    public static readonly StampProfile Empty = new([], 0, false, false);

    private readonly StampForm[] _forms;

    public StampProfile(IReadOnlyList<StampForm> forms, int column, bool dayFirst, bool orderAmbiguous)
    {
        _forms = [.. forms];
        Forms = _forms;
        Column = column;
        DayFirst = dayFirst;
        OrderAmbiguous = orderAmbiguous;
    }

    public IReadOnlyList<StampForm> Forms { get; }
    /// <summary>The furthest column a sampled timestamp started at (plus slack), at most <see cref="MaxColumn"/>.</summary>
    public int Column { get; }
    public bool DayFirst { get; }
    /// <summary>Slashed dates whose values never told day from month (every number ≤ 12): read month first.</summary>
    public bool OrderAmbiguous { get; }

    public StampForm Primary => Forms.Count > 0 ? Forms[0] : StampForm.None;

    /// <summary>The first timestamp of a known form at or before <see cref="Column"/>, at a word start.</summary>
    public bool TryFind(ReadOnlySpan<char> line, out StampParts parts, out int start, out int length)
    {
        parts = default;
        start = length = 0;
        var forms = _forms;
        if (forms.Length == 0)
            return false;
        int last = Math.Min(line.Length - 1, Column);
        // Every form has digits: a line without one near its start (a stack frame, prose) has no timestamp there.
        if (line[..Math.Min(line.Length, Column + 24)].IndexOfAnyInRange('0', '9') < 0)
            return false;
        for (int p = 0; p <= last; p++)
        {
            char c = line[p];
            if (!IsStart(line, p))
                continue;
            for (int f = 0; f < forms.Length; f++)
            {
                if (Allowed(line, p, forms[f]) && StampReader.TryRead(line[p..], forms[f], DayFirst, out parts, out length, out _, out _))
                {
                    start = p;
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// A bare time of day or epoch number starts a line or a bracket (tcpdump, <c>[01:08:09]</c>,
    /// <c>[1587938687.534s]</c>); elsewhere it is prose ("Sep 3 2020, 21:29:08") or a number (a TCP sequence).
    /// </summary>
    private static bool Allowed(ReadOnlySpan<char> line, int p, StampForm form) =>
        form is not (StampForm.TimeOfDay or StampForm.EpochSeconds or StampForm.EpochMillis)
        || p == 0 || line[p - 1] == '[' || line[..p].IsWhiteSpace();

    /// <summary>A word start that is not the middle of a number (<c>-2146232060</c>, <c>08:12:10</c>, <c>1.5</c>).</summary>
    private static bool IsStart(ReadOnlySpan<char> line, int p) =>
        char.IsAsciiLetterOrDigit(line[p]) && (p == 0 || (!char.IsAsciiLetterOrDigit(line[p - 1]) && line[p - 1] is not ('-' or '+' or '.' or ':' or '/')));

    public string Describe()
    {
        if (Forms.Count == 0)
            return "no timestamps";
        string text = StampReader.Describe(Primary, DayFirst);
        if (Primary == StampForm.SlashDate && OrderAmbiguous)
            text += " (day/month order ambiguous: read month first)";
        return text;
    }

    /// <summary>
    /// Infers the forms from sample lines: at each word start up to <see cref="MaxColumn"/>, the first form
    /// of the catalog that reads there counts for the line. Forms seen on at least a tenth as many lines as
    /// the most frequent one are kept. A slashed date with a first number above 12 makes the file day first;
    /// one with a second number above 12, month first.
    /// </summary>
    public static StampProfile Infer(IEnumerable<string> lines)
    {
        Span<int> hits = stackalloc int[32];
        int column = 0;
        bool dayFirstSeen = false, monthFirstSeen = false;
        foreach (var raw in lines)
        {
            var line = raw.AsSpan();
            int last = Math.Min(line.Length - 1, MaxColumn);
            bool found = false;
            for (int p = 0; p <= last && !found; p++)
            {
                char c = line[p];
                if (!IsStart(line, p))
                    continue;
                foreach (var form in StampReader.Catalog)
                {
                    if (!Allowed(line, p, form) || !StampReader.TryRead(line[p..], form, false, out _, out _, out int first, out int second))
                        continue;
                    hits[(int)form]++;
                    column = Math.Max(column, p);
                    if (form == StampForm.SlashDate)
                    {
                        dayFirstSeen |= first > 12;
                        monthFirstSeen |= second > 12;
                    }
                    found = true;
                    break;
                }
            }
        }
        int best = 0;
        foreach (int h in hits)
            best = Math.Max(best, h);
        if (best == 0)
            return Empty;
        var forms = new List<StampForm>();
        for (int n = best; n >= 1; n--)
        {
            foreach (var form in StampReader.Catalog)
            {
                if (hits[(int)form] == n && n * 10 >= best)
                    forms.Add(form);
            }
        }
        bool dayFirst = dayFirstSeen && !monthFirstSeen;
        bool ambiguous = !dayFirstSeen && !monthFirstSeen;
        return new StampProfile(forms, Math.Min(MaxColumn, column + 8), dayFirst, ambiguous);
    }
}
