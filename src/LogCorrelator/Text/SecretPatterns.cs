using System.Text.RegularExpressions;

namespace LogCorrelator.Text;

/// <summary>
/// The shapes a secret takes in the text of logs, one expression per shape. <see cref="Redactor"/>
/// runs them only on text that holds one of their keywords (<see cref="Redactor.MayContainSecret"/>).
/// </summary>
internal static partial class SecretPatterns
{
    /// <summary>
    /// <c>key=value</c> and <c>key: value</c> with a secret-looking key: connection strings (SqlClient, ODBC,
    /// JDBC, Azure storage), URL query parameters, JSON and YAML fields, HTTP headers, XML elements. A key may
    /// carry a prefix (<c>MSSQL_SA_PASSWORD</c>, <c>spring.datasource.password</c>, <c>client_secret</c>)
    /// and quotes, also JSON-escaped ones (<c>\"password\"</c> inside a JSON string). The value is quoted
    /// (<c>"a ""b"""</c>, <c>'x'</c>), braced as ODBC escapes it (<c>{a;b}}c}</c>), or bare: then it runs to
    /// the next separator of a connection string or URL, not to the next space, because SqlClient takes
    /// <c>Password=Spaced Secret Phrase;</c> whole. After a quoted key (JSON) a bare value stops at , } ].
    /// A value already masked (a CLEF property, see <see cref="ClefTemplateSecrets"/>) is taken as it is,
    /// so the words after it stay.
    /// </summary>
    [GeneratedRegex("""
        (?<![A-Za-z0-9_.\-])
        (?<key>
          (?<q>\\?["'])?
          (?:[A-Za-z0-9_.\-]*?(?:password|passwd|pwd|secret|token|api[_\-]?key|account[_\-]?key|access[_\-]?key|shared[_\-]?access[_\-]?(?:key|signature)|authorization|credentials?)|pass|sig|sas)
          (?(q)\k<q>)
          (?:\s*[=:]\s*|>)
        )
        (?<value>
            \\"(?:[^"\\]|\\[^"])*\\"
          | "(?:[^"\\]|\\.|"")*"
          | '(?:[^'\\]|'')*'
          | \{(?:[^}]|\}\})*\}
          | \*{5}
          | (?(q)[^,}\]\s"]+|[^;&"'<>\s\\][^;&"'<>\r\n\\]*)
        )
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture)]
    public static partial Regex KeyValue();

    /// <summary>.NET's appSettings entry, where the secret name is an attribute: <c>&lt;add key="DbPassword" value="…"/&gt;</c>.</summary>
    [GeneratedRegex("""(?<keep>\bkey\s*=\s*\\?"[^"\\]*(?:password|pwd|secret|token|apikey|api_key|accountkey)[^"\\]*\\?"\s+value\s*=\s*)\\?"[^"\\]*(?:\\?")""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex AppSetting();

    /// <summary>The password of a URL's user info: <c>mssql://sa:secret@db01</c>, <c>https://u:p@host/</c>.</summary>
    [GeneratedRegex("""(?<keep>\b[A-Za-z][A-Za-z0-9+.\-]*://[^/\s:@'";]*:)[^@\s/'";]+(?=@)""",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex UrlPassword();

    /// <summary>An HTTP credential scheme's token where no header name is in front of it (curl's <c>-H "Bearer …"</c>, a printed header value).</summary>
    [GeneratedRegex("""(?<keep>\b(?:Bearer|Basic)\s+)[A-Za-z0-9._~+/\-]{6,}=*""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex SchemeToken();

    /// <summary>A JSON Web Token wherever it stands: its header always starts <c>{"</c>, base64url <c>eyJ</c>.</summary>
    [GeneratedRegex("""\beyJ[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]{4,}\.[A-Za-z0-9_\-]*""", RegexOptions.CultureInvariant)]
    public static partial Regex Jwt();

    /// <summary>The password argument of SQL Server's command-line tools: <c>sqlcmd -S db01 -U sa -P secret</c>.</summary>
    [GeneratedRegex("""(?<keep>\b(?:sqlcmd|bcp|osql)\b[^\r\n]*?\s-P\s*)(?:\\"[^"\\]*\\"|"[^"]*"|'[^']*'|[^\s"']+)""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    public static partial Regex ToolPassword();
}
