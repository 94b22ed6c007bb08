using System.Buffers;
using System.Text.RegularExpressions;

namespace LogCorrelator.Text;

/// <summary>
/// Hides secrets in text: passwords and keys of connection strings, JSON/YAML/header fields, URL
/// credentials, bearer tokens, JWTs, sqlcmd's <c>-P</c>, and the CLEF properties a message template names
/// beside a secret key. Every piece of source text the tool prints or stores goes through here
/// (docs/architecture.md), so a new shape of secret is taught here once.
/// </summary>
public static class Redactor
{
    public const string Mask = "*****";

    /// <summary>
    /// Words one of the patterns needs. Most log lines hold none, and one vectorized search over them is far
    /// cheaper than five regular expressions (redaction sits on every output path).
    /// </summary>
    private static readonly SearchValues<string> Keywords = SearchValues.Create(
        ["pass", "pwd", "secret", "token", "key", "sig", "sas", "auth", "credential", "bearer", "basic", "eyj", "://", "-p"],
        StringComparison.OrdinalIgnoreCase);

    public static bool MayContainSecret(ReadOnlySpan<char> text) => text.ContainsAny(Keywords);

    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!MayContainSecret(text))
            return text;
        text = JsonEscapes.Relax(text);
        // CLEF first: the property values it finds are masked wherever they stand, before the rules below
        // rewrite the key=value shapes around them.
        text = ClefTemplateSecrets.Redact(text);
        text = SecretPatterns.KeyValue().Replace(text, MaskValue);
        text = Replace(text, "value", SecretPatterns.AppSetting());
        text = Replace(text, "://", SecretPatterns.UrlPassword());
        if (Has(text, "bearer") || Has(text, "basic"))
            text = Replace(text, null, SecretPatterns.SchemeToken());
        text = Replace(text, "eyJ", SecretPatterns.Jwt(), keepPrefix: false);
        return Replace(text, "-P", SecretPatterns.ToolPassword());
    }

    private static bool Has(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);

    private static string Replace(string text, string? needle, Regex pattern, bool keepPrefix = true)
    {
        if (needle is not null && !text.Contains(needle, StringComparison.OrdinalIgnoreCase))
            return text;
        return keepPrefix ? pattern.Replace(text, m => m.Groups["keep"].Value + Mask) : pattern.Replace(text, Mask);
    }

    /// <summary>A JSON field's value keeps its quotes, so redacted JSON text is still JSON.</summary>
    private static string MaskValue(Match m)
    {
        var key = m.Groups["key"].Value;
        var value = m.Groups["value"].ValueSpan;
        if (value.StartsWith("\\\"", StringComparison.Ordinal) && key.Contains('"', StringComparison.Ordinal))
            return key + "\\\"" + Mask + "\\\"";
        if (value.StartsWith('"') && key.StartsWith('"'))
            return key + "\"" + Mask + "\"";
        return key + Mask;
    }
}
