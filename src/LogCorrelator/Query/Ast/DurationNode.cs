using System.Globalization;

namespace LogCorrelator.Query.Ast;

/// <summary>A window length as written: <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>2h</c>, <c>1d</c>.</summary>
internal sealed record DurationNode(long Amount, DurationUnit Unit) : SyntaxNode
{
    // Nine digits of days is still far inside long milliseconds, even added to a Unix time.
    private const int MaxDigits = 9;

    public long Milliseconds => Amount * Unit switch
    {
        DurationUnit.Milliseconds => 1L,
        DurationUnit.Seconds => 1_000L,
        DurationUnit.Minutes => 60_000L,
        DurationUnit.Hours => 3_600_000L,
        _ => 86_400_000L,
    };

    public static bool TryParse(ReadOnlySpan<char> text, out DurationNode? duration)
    {
        duration = null;
        int digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
            digits++;
        if (digits == 0 || digits > MaxDigits || !TryUnit(text[digits..], out var unit))
            return false;
        duration = new DurationNode(long.Parse(text[..digits], CultureInfo.InvariantCulture), unit);
        return true;
    }

    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture) + Unit switch
    {
        DurationUnit.Milliseconds => "ms",
        DurationUnit.Seconds => "s",
        DurationUnit.Minutes => "m",
        DurationUnit.Hours => "h",
        _ => "d",
    };

    private static bool TryUnit(ReadOnlySpan<char> text, out DurationUnit unit)
    {
        unit = text switch
        {
            _ when text.Equals("ms", StringComparison.OrdinalIgnoreCase) => DurationUnit.Milliseconds,
            _ when text.Equals("s", StringComparison.OrdinalIgnoreCase) => DurationUnit.Seconds,
            _ when text.Equals("m", StringComparison.OrdinalIgnoreCase) => DurationUnit.Minutes,
            _ when text.Equals("h", StringComparison.OrdinalIgnoreCase) => DurationUnit.Hours,
            _ when text.Equals("d", StringComparison.OrdinalIgnoreCase) => DurationUnit.Days,
            _ => (DurationUnit)(-1),
        };
        return unit >= 0;
    }
}
