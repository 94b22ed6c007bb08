using System.Text;
using System.Text.RegularExpressions;

namespace LogCorrelator.Text;

/// <summary>A path glob: <c>*</c> within a folder name, <c>**</c> across folders, <c>?</c> one character; '/' separates.</summary>
public sealed class PathGlob
{
    private readonly Regex _regex;
    private readonly bool _nameOnly;

    public PathGlob(string pattern)
    {
        Pattern = pattern.Replace('\\', '/');
        _nameOnly = !Pattern.Contains('/');
        var sb = new StringBuilder("^");
        for (int i = 0; i < Pattern.Length; i++)
        {
            char c = Pattern[i];
            if (c == '*' && i + 1 < Pattern.Length && Pattern[i + 1] == '*')
            {
                bool slash = i + 2 < Pattern.Length && Pattern[i + 2] == '/';
                sb.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
                sb.Append("[^/]*");
            else if (c == '?')
                sb.Append("[^/]");
            else
                sb.Append(Regex.Escape(c.ToString()));
        }
        _regex = new Regex(sb.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    public string Pattern { get; }

    public bool Matches(string relativePath)
    {
        string p = relativePath.Replace('\\', '/');
        if (_regex.IsMatch(p))
            return true;
        int slash = p.LastIndexOf('/');
        return _nameOnly && slash >= 0 && _regex.IsMatch(p[(slash + 1)..]);
    }
}
