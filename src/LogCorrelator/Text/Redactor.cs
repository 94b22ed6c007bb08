using System.Text.RegularExpressions;

namespace LogCorrelator.Text;

/// <summary>
/// Hides passwords in connection strings (<c>Password=</c>, <c>Pwd=</c>). Every piece of source
/// text the tool prints or stores goes through here.
/// </summary>
public static partial class Redactor
{
    public const string Mask = "*****";

    [GeneratedRegex("""(?<key>\b(?:password|pwd)\s*=\s*)(?:"[^"]*"|'[^']*'|\{[^}]*\}|[^;'"\s)]*)""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Secret();

    public static bool MayContainSecret(ReadOnlySpan<char> text) =>
        text.Contains("pwd", StringComparison.OrdinalIgnoreCase)
        || text.Contains("password", StringComparison.OrdinalIgnoreCase);

    public static string Redact(string text) =>
        MayContainSecret(text) ? Secret().Replace(text, m => m.Groups["key"].Value + Mask) : text;
}
