namespace LogCorrelator.Text;

/// <summary>
/// Finds which of many ASCII phrases occur in a text, ignoring ASCII case, in one scalar pass.
/// </summary>
/// <remarks>
/// <see cref="System.Buffers.SearchValues{T}"/> on strings is slow for this job. Past 80 values it falls
/// back to Aho-Corasick, whose first-character scan stops at almost every letter (the general reader's
/// signal words: 57 MB/s). Below 80 values its Teddy fingerprints the first three characters of each
/// value, so words like "sql", "rst" and "pro" send it into verification all the time (the client rules'
/// phrases: 29 MB/s; the signal words cut to 75 values: 11 MB/s).
/// This filter keys each phrase instead on its rarest three characters, judged by letter frequency
/// ("Cannot open database" on "bas", not "can"). The last three characters at each position, 5 bits
/// each, index one bit of a 4 KB table, and only a set bit compares whole phrases.
/// Non-ASCII text never matches an ASCII phrase: the Kelvin sign does not stand in for 'k' here, as it
/// does under OrdinalIgnoreCase.
/// </remarks>
internal sealed class PhraseFilter
{
    // Each character as 5 bits (letters 1-26 either case, digits, blank and punctuation in a few
    // classes, anything else 0), so three characters are a 15-bit key: the table is 4 KB and one
    // candidate list a key, no hashing.
    private const int KeyBits = 15, KeyMask = (1 << KeyBits) - 1;
    private static readonly byte[] Codes = BuildCodes();

    private readonly ulong[] _bits = new ulong[(1 << KeyBits) / 64];
    private readonly (int Phrase, int Offset)[]?[] _candidates = new (int, int)[]?[1 << KeyBits];
    private readonly string[] _phrases;

    /// <param name="phrases">ASCII phrases of at least three characters each; a phrase that is not ASCII throws.</param>
    public PhraseFilter(IEnumerable<string> phrases)
    {
        _phrases = phrases.ToArray();
        for (int p = 0; p < _phrases.Length; p++)
        {
            string phrase = _phrases[p];
            if (phrase.Length < 3 || phrase.AsSpan().ContainsAnyExceptInRange('\0', '\x7f'))
                throw new ArgumentException($"'{phrase}' is not an ASCII phrase of three characters or more", nameof(phrases));
            int offset = RarestTrigram(phrase);
            int key = Code(phrase[offset]) << 10 | Code(phrase[offset + 1]) << 5 | Code(phrase[offset + 2]);
            _bits[key >> 6] |= 1UL << key;
            _candidates[key] = [.. _candidates[key] ?? [], (p, offset)];
        }
    }

    /// <summary>Whether any phrase occurs in <paramref name="text"/>.</summary>
    public bool ContainsAny(ReadOnlySpan<char> text) => Scan(text, []);

    /// <summary>Sets <c>present[i]</c> for each phrase <c>i</c> (in the order given) that occurs in the text.</summary>
    public void Mark(ReadOnlySpan<char> text, Span<bool> present) => Scan(text, present);

    /// <returns>With no <paramref name="present"/> to fill, whether a phrase occurs (stopping at the first).</returns>
    private bool Scan(ReadOnlySpan<char> text, Span<bool> present)
    {
        bool found = false;
        int key = 0;
        var bits = _bits;
        for (int i = 0; i < text.Length; i++)
        {
            key = ((key << 5) | Code(text[i])) & KeyMask;
            if ((bits[key >> 6] & (1UL << key)) == 0 || i < 2)
                continue;
            foreach (var (p, offset) in _candidates[key]!)
            {
                string phrase = _phrases[p];
                int start = i - 2 - offset;
                if (start < 0 || start + phrase.Length > text.Length
                    || !text.Slice(start, phrase.Length).Equals(phrase, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                if (present.IsEmpty)
                    return true;
                present[p] = true;
                found = true;
            }
        }
        return found;
    }

    private static int Code(char c) => c < 0x80 ? Codes[c] : 0;

    private static byte[] BuildCodes()
    {
        var codes = new byte[128];
        for (int c = 0; c < 128; c++)
        {
            codes[c] = c switch
            {
                >= 'a' and <= 'z' => (byte)(c - 'a' + 1),
                >= 'A' and <= 'Z' => (byte)(c - 'A' + 1),
                >= '0' and <= '9' => 27,
                ' ' or '\t' => 28,
                '.' or ',' or ':' or ';' or '!' or '?' => 29,
                '(' or ')' or '[' or ']' or '{' or '}' or '<' or '>' or '\'' or '"' => 30,
                _ => 31,
            };
        }
        return codes;
    }

    /// <summary>The offset of the trigram whose characters are least frequent in English text and logs.</summary>
    private static int RarestTrigram(string phrase)
    {
        int best = 0;
        double bestScore = double.MaxValue;
        for (int i = 0; i + 3 <= phrase.Length; i++)
        {
            double score = Frequency(phrase[i]) * Frequency(phrase[i + 1]) * Frequency(phrase[i + 2]);
            if (score < bestScore)
            {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    // Rough relative frequencies: English letters (e, t, a, o first), the blank most of all, digits as
    // common as middling letters in logs, punctuation rarer.
    private static double Frequency(char c) => char.ToLowerInvariant(c) switch
    {
        ' ' => 18,
        'e' => 12.7, 't' => 9.1, 'a' => 8.2, 'o' => 7.5, 'i' => 7.0, 'n' => 6.7, 's' => 6.3, 'h' => 6.1, 'r' => 6.0,
        'd' => 4.3, 'l' => 4.0, 'c' => 2.8, 'u' => 2.8, 'm' => 2.4, 'w' => 2.4, 'f' => 2.2, 'g' => 2.0, 'y' => 2.0,
        'p' => 1.9, 'b' => 1.5, 'v' => 1.0, 'k' => 0.8, 'j' => 0.15, 'x' => 0.15, 'q' => 0.1, 'z' => 0.07,
        >= '0' and <= '9' => 3.0,
        '.' or ',' or ':' or '-' or '/' or '=' or '\'' or '"' or '(' or ')' or '[' or ']' or '_' => 1.5,
        _ => 0.5,
    };
}
