using System.Globalization;

namespace LogCorrelator.Cli.Tui;

/// <summary>The bucket sizes the timeline zooms through, each a round unit a reader can count in.</summary>
internal static class BucketLadder
{
    private const long S = 1000, M = 60 * S, H = 60 * M, D = 24 * H;

    public static IReadOnlyList<long> Sizes { get; } =
    [
        1 * S, 2 * S, 5 * S, 10 * S, 15 * S, 30 * S,
        1 * M, 2 * M, 5 * M, 10 * M, 15 * M, 30 * M,
        1 * H, 2 * H, 3 * H, 6 * H, 12 * H,
        1 * D, 2 * D, 7 * D,
    ];

    /// <summary>The smallest step whose <paramref name="columns"/> buckets cover [first, last]; the largest if none does.</summary>
    public static int Fit(long first, long last, int columns)
    {
        for (int i = 0; i < Sizes.Count; i++)
        {
            long b = Sizes[i];
            if (TimeMath.Floor(last, b) - TimeMath.Floor(first, b) < b * columns)
                return i;
        }
        return Sizes.Count - 1;
    }

    /// <summary>A size as people write it: 500ms, 30s, 5m, 2h, 1d.</summary>
    public static string Text(long ms) => ms switch
    {
        _ when ms % D == 0 => (ms / D).ToString(CultureInfo.InvariantCulture) + "d",
        _ when ms % H == 0 => (ms / H).ToString(CultureInfo.InvariantCulture) + "h",
        _ when ms % M == 0 => (ms / M).ToString(CultureInfo.InvariantCulture) + "m",
        _ when ms % S == 0 => (ms / S).ToString(CultureInfo.InvariantCulture) + "s",
        _ => ms.ToString(CultureInfo.InvariantCulture) + "ms",
    };
}
