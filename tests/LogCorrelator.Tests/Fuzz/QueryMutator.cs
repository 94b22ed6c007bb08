using System.Text;

namespace LogCorrelator.Tests.Fuzz;

/// <summary>
/// Variations of a valid query as hands and terminals make them: a piece deleted, doubled or cut off,
/// a word, quote, bracket or odd character put in, two queries run together, deep nesting, a
/// backtracking regular expression, a very long value.
/// </summary>
internal static class QueryMutator
{
    private static readonly string[] Pieces =
    [
        "not ", "(", ")", "\"", "\"\"", " or ", " and ", " where ", " within ", "5m", "0s", "-1", "99999999999", " | count", " | sort time desc",
        " | first 0", " in (", ",", "=", "!=", "~", "<=", "@", "@unexplained", "@nope", " on host = peer", " between ", " since ", " last 2h",
        "2024-03-05 11:32", "2024-02-30", "\t", "\n", "\r\n", "\0", "é", "𝔘", "\u200B", "ﬀ", " message ~ \"(a+)+$\"", " message ~ \"(\"",
        " message ~ \"[\"", " message ~ \"(?<=a+)b\"", " message ~ \"\\1\"", " host ~ \"(x*)*\\1y\"", "\u00A0",
    ];

    public static IEnumerable<string> Mutants(string query, IReadOnlyList<string> others, Random random, int count)
    {
        for (int i = 0; i < count; i++)
        {
            string text = query;
            // One to three changes on top of each other.
            for (int n = random.Next(1, 4); n > 0; n--)
                text = Mutate(text, others, random);
            yield return text;
        }
    }

    private static string Mutate(string text, IReadOnlyList<string> others, Random random)
    {
        int at = random.Next(text.Length + 1);
        switch (random.Next(9))
        {
            case 0:
                return text.Remove(at, random.Next(Math.Min(8, text.Length - at) + 1));
            case 1:
                return text.Insert(at, Pieces[random.Next(Pieces.Length)]);
            case 2:
                return text[..at];
            case 3:
                int length = random.Next(Math.Min(16, text.Length - at) + 1);
                return text.Insert(at, text.Substring(at, length));
            case 4:
                string other = others[random.Next(others.Count)];
                return text[..at] + other[random.Next(other.Length + 1)..];
            case 5:
                return at < text.Length ? text.Remove(at, 1).Insert(at, ((char)random.Next(1, 0x3000)).ToString()) : text + "x";
            case 6:
                int depth = random.Next(1, 100);
                return text[..at] + Repeat(random.Next(2) == 0 ? "(" : "not ", depth) + text[at..] + new string(')', depth);
            case 7:
                return text.Insert(at, " message ~ \"" + Repeat("(a+)+", random.Next(1, 20)) + "$\" ");
            default:
                return text.Insert(at, "\"" + new string('x', random.Next(1, 70_000)) + "\"");
        }
    }

    private static string Repeat(string piece, int times) => new StringBuilder().Insert(0, piece, times).ToString();
}
