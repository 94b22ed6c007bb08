using System.Globalization;
using LogCorrelator.Events;

namespace LogCorrelator.Diagnose.Rules;

/// <summary>
/// One <c>field op value</c> test on an event. Fields are the event's columns (port, count, spid,
/// code, sqlstate, host, peer, kind, message) or any key of its extra attributes (chimney, state,
/// numberofports...). Numbers compare as numbers, anything else case-insensitively as text; a
/// missing field fails every test but <c>!=</c>.
/// </summary>
internal sealed record AttributeCondition(string Field, FilterOp Op, string? Value)
{
    public bool Matches(StoredEvent e)
    {
        string? actual = Read(e, Field);
        if (Op == FilterOp.Exists)
            return !string.IsNullOrEmpty(actual);
        if (actual is null)
            return Op == FilterOp.NotEqual;
        string expected = Value ?? "";
        if (Op == FilterOp.Contains)
            return actual.Contains(expected, StringComparison.OrdinalIgnoreCase);
        int order = Number(actual) is double a && Number(expected) is double b
            ? a.CompareTo(b)
            : string.Compare(actual, expected, StringComparison.OrdinalIgnoreCase);
        return Op switch
        {
            FilterOp.Equal => order == 0,
            FilterOp.NotEqual => order != 0,
            FilterOp.Less => order < 0,
            FilterOp.LessOrEqual => order <= 0,
            FilterOp.Greater => order > 0,
            _ => order >= 0,
        };
    }

    public static string? Read(StoredEvent e, string field) => field switch
    {
        "port" => Text(e.Port),
        "count" => Text(e.Count),
        "spid" => Text(e.Spid),
        "code" => e.CodeText,
        "sqlstate" => e.SqlState,
        "host" => e.Host,
        "peer" => e.Peer,
        "kind" => e.Kind.Name(),
        "message" => e.Message,
        _ => ExtraValue(e.Extra, field),
    };

    /// <summary>The value of <paramref name="key"/> in <c>key=value; key=value</c>, or null.</summary>
    public static string? ExtraValue(string? extra, string key)
    {
        if (extra is null)
            return null;
        foreach (var part in extra.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part.AsSpan(0, eq).Trim().Equals(key, StringComparison.OrdinalIgnoreCase))
                return part[(eq + 1)..].Trim();
        }
        return null;
    }

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? d : null;

    public override string ToString() => Op switch
    {
        FilterOp.Exists => Field,
        FilterOp.Equal => $"{Field} = {Value}",
        FilterOp.NotEqual => $"{Field} != {Value}",
        FilterOp.Less => $"{Field} < {Value}",
        FilterOp.LessOrEqual => $"{Field} <= {Value}",
        FilterOp.Greater => $"{Field} > {Value}",
        FilterOp.GreaterOrEqual => $"{Field} >= {Value}",
        _ => $"{Field} ~ {Value}",
    };
}
