namespace LogCorrelator.Events;

/// <summary>
/// Reads an event's rare attributes, stored as <c>key=value; key=value</c> (a netsh listing's
/// <c>chimney=enabled</c>, a failover's <c>db=Sales</c>).
/// </summary>
public static class ExtraAttributes
{
    /// <summary>The value of <paramref name="key"/> (case-insensitive), or null.</summary>
    public static string? Value(string? extra, string key)
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
}
