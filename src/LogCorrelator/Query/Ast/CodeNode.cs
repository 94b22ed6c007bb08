using System.Globalization;

namespace LogCorrelator.Query.Ast;

/// <summary>One code of a set: an error number (10054, -2, 18456) or an ODBC SQLSTATE (08S01, HYT00).</summary>
internal readonly record struct CodeNode(int? Number, string? SqlState)
{
    public static CodeNode Of(int number) => new(number, null);

    public static CodeNode OfSqlState(string state) => new(null, state);

    /// <summary>
    /// A number, or a SQLSTATE: five letters and digits with at least one digit. Five digits with a
    /// leading zero (08001, 01000) are SQLSTATEs, since no error number is written that way.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out CodeNode code)
    {
        if (text.Length == 5 && text[0] == '0' && IsDigits(text))
            return Ok(OfSqlState(text.ToString()), out code);
        if (TryParseNumber(text, out code))
            return true;
        if (text.Length == 5 && IsSqlState(text))
            return Ok(OfSqlState(text.ToString().ToUpperInvariant()), out code);
        code = default;
        return false;
    }

    /// <summary>An error number only, as <c>server-errors</c> takes.</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> text, out CodeNode code)
    {
        var digits = text.StartsWith("-") ? text[1..] : text;
        if (digits.Length > 0 && IsDigits(digits)
            && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n))
            return Ok(Of(n), out code);
        code = default;
        return false;
    }

    public override string ToString() => Number?.ToString(CultureInfo.InvariantCulture) ?? SqlState ?? "";

    private static bool Ok(CodeNode value, out CodeNode code)
    {
        code = value;
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');

    private static bool IsSqlState(ReadOnlySpan<char> text)
    {
        bool digit = false;
        foreach (char c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c))
                return false;
            digit |= char.IsAsciiDigit(c);
        }
        return digit;
    }
}
