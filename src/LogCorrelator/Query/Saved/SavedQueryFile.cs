using System.Text;

namespace LogCorrelator.Query.Saved;

/// <summary>
/// The <c>.lcq</c> format: one entry per query, separated by blank lines. An entry is the comment
/// lines (<c># ...</c>) that describe it, then <c>name = query</c>; a long query goes on over lines
/// that start with a blank. A comment block followed by a blank line is a comment on the file.
/// <code>
/// # Client errors that no restart, kill or failover explains.
/// unexplained = errors not near (restart or kill or failover) within 5m
/// </code>
/// </summary>
public static class SavedQueryFile
{
    /// <summary>Reads the entries of a file's text; lines that fit no entry are reported, never thrown.</summary>
    public static IReadOnlyList<SavedQuery> Parse(string text, string origin, bool builtIn, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problems);
        var entries = new List<SavedQuery>();
        var comment = new List<string>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.Trim().Length == 0)
            {
                comment.Clear();
                continue;
            }
            if (line.TrimStart().StartsWith('#'))
            {
                comment.Add(line.TrimStart()[1..].Trim());
                continue;
            }
            int eq = line.IndexOf('=', StringComparison.Ordinal);
            string name = eq < 0 ? "" : line[..eq].Trim();
            if (char.IsWhiteSpace(line[0]) || !IsName(name))
            {
                problems.Add($"{origin}:{i + 1}: expected 'name = query' (a name is a letter, then letters, digits, '-' or '_')");
                comment.Clear();
                continue;
            }
            int nameLine = i + 1;
            var query = new StringBuilder(line[(eq + 1)..].Trim());
            // Continuation lines start with a blank.
            while (i + 1 < lines.Length && lines[i + 1].Length > 0 && char.IsWhiteSpace(lines[i + 1][0]) && lines[i + 1].Trim().Length > 0)
                query.Append(' ').Append(lines[++i].Trim());
            if (entries.Any(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)))
                problems.Add($"{origin}:{nameLine}: '{name}' is defined twice; the first one is kept");
            else
                entries.Add(new SavedQuery(name, string.Join(" ", comment), query.ToString(), origin, nameLine, builtIn));
            comment.Clear();
        }
        return entries;
    }

    /// <summary>A name as <c>@name</c> and <c>logcorr run</c> take it.</summary>
    public static bool IsName(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>One entry as the file holds it: its description as comment lines, then the query.</summary>
    public static string Format(string name, string description, string query)
    {
        var text = new StringBuilder();
        foreach (string line in description.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            text.Append("# ").Append(line).Append('\n');
        text.Append(name).Append(" = ").Append(query.ReplaceLineEndings(" ").Trim()).Append('\n');
        return text.ToString();
    }
}
