using System.Globalization;

namespace LogCorrelator.Diagnose.Rules;

/// <summary>
/// Durations in rule files: the query language's units (ms, s, m, h, d), with a decimal part
/// allowed (<c>35.6s</c>) because keepalive timing is finer than whole seconds.
/// </summary>
internal static class DurationText
{
    public static bool TryParse(string? text, out long milliseconds)
    {
        milliseconds = 0;
        var t = (text ?? "").Trim();
        int end = 0;
        while (end < t.Length && (char.IsAsciiDigit(t[end]) || t[end] == '.'))
            end++;
        if (end == 0 || !decimal.TryParse(t.AsSpan(0, end), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal amount))
            return false;
        decimal? unit = t[end..].ToLowerInvariant() switch
        {
            "ms" => 1m,
            "s" => 1_000m,
            "m" => 60_000m,
            "h" => 3_600_000m,
            "d" => 86_400_000m,
            _ => null,
        };
        if (unit is null || amount * unit.Value > 365m * 86_400_000m)
            return false;
        milliseconds = (long)decimal.Round(amount * unit.Value);
        return true;
    }
}
