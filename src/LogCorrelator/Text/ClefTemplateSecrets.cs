using System.Text.RegularExpressions;

namespace LogCorrelator.Text;

/// <summary>
/// Secrets a structured log carries as properties: Serilog's template <c>"Password={Pw}"</c> names the
/// property <c>Pw</c>, whose value stands in the CLEF line as <c>"Pw":"…"</c> and, rendered, in <c>@m</c>.
/// A placeholder is secret when a secret key stands right before it or its own name is one.
/// </summary>
public static partial class ClefTemplateSecrets
{
    /// <summary>Values shorter than this are masked as properties only: replacing them everywhere would eat ordinary words.</summary>
    private const int MinSpreadLength = 4;

    [GeneratedRegex("""
        "@mt"\s*:\s*"(?<template>(?:[^"\\]|\\.)*)"
        """, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Template();

    [GeneratedRegex("""
        (?<key>(?:password|passwd|pwd|secret|token|api[_\-]?key|account[_\-]?key|access[_\-]?key|credentials?|sig)\W{0,3})?
        \{[@$]?(?<name>[A-Za-z0-9_]+)(?:[,:][^}]*)?\}
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture)]
    private static partial Regex Placeholder();

    [GeneratedRegex("password|passwd|pwd|secret|token|apikey|api_key|accountkey|accesskey|credential",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    /// <summary>The names of the template's secret placeholders (none for most templates).</summary>
    public static List<string> SecretProperties(ReadOnlySpan<char> template)
    {
        var names = new List<string>();
        if (template.IndexOf('{') < 0)
            return names;
        foreach (ValueMatch m in Placeholder().EnumerateMatches(template))
        {
            var placeholder = template.Slice(m.Index, m.Length);
            int open = placeholder.IndexOf('{');
            var name = Name(placeholder[(open + 1)..]);
            if (open > 0 || SecretName().IsMatch(name))
                names.Add(name.ToString());
        }
        return names;
    }

    public static bool HasSecretPlaceholder(ReadOnlySpan<char> template) => SecretProperties(template).Count > 0;

    /// <summary>Masks the secret properties of a CLEF line, and their values wherever else they appear in it (<c>@m</c>).</summary>
    public static string Redact(string line)
    {
        if (!line.Contains("\"@mt\"", StringComparison.Ordinal))
            return line;
        var template = Template().Match(line);
        if (!template.Success)
            return line;
        foreach (string name in SecretProperties(template.Groups["template"].ValueSpan))
        {
            var property = new Regex("\"" + Regex.Escape(name) + """
                "\s*:\s*(?<value>"(?:[^"\\]|\\.)*"|[^,}\s]+)
                """, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1)).Match(line);
            if (!property.Success)
                continue;
            var value = property.Groups["value"];
            string raw = value.Value.Trim('"');
            line = string.Concat(line.AsSpan(0, value.Index), value.Value.StartsWith('"') ? "\"" + Redactor.Mask + "\"" : Redactor.Mask, line.AsSpan(value.Index + value.Length));
            if (raw.Length >= MinSpreadLength)
                line = line.Replace(raw, Redactor.Mask, StringComparison.Ordinal);
        }
        return line;
    }

    private static ReadOnlySpan<char> Name(ReadOnlySpan<char> afterBrace)
    {
        if (afterBrace.Length > 0 && afterBrace[0] is '@' or '$')
            afterBrace = afterBrace[1..];
        int end = afterBrace.IndexOfAny(",:}");
        return end < 0 ? afterBrace : afterBrace[..end];
    }
}
