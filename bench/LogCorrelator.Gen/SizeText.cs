using System.Globalization;

namespace LogCorrelator.Gen;

/// <summary>Reads sizes like <c>100MB</c>, <c>512KiB</c> or <c>2000000</c>: KB, MB, GB are powers of 1000, KiB, MiB, GiB of 1024.</summary>
internal static class SizeText
{
    private static readonly (string Suffix, long Factor)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30),
        ("KB", 1_000L), ("MB", 1_000_000L), ("GB", 1_000_000_000L), ("B", 1L),
    ];

    public static bool TryParse(string text, out long bytes)
    {
        bytes = 0;
        var s = text.AsSpan().Trim();
        long factor = 1;
        foreach (var (suffix, f) in Units)
        {
            if (s.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                s = s[..^suffix.Length].TrimEnd();
                factor = f;
                break;
            }
        }
        if (!long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out long n) || n <= 0 || n > long.MaxValue / factor)
            return false;
        bytes = n * factor;
        return true;
    }
}
