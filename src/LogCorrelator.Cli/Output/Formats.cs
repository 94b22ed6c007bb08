using System.Globalization;

namespace LogCorrelator.Cli.Output;

/// <summary>How times, deltas and paths look in every output.</summary>
internal static class Formats
{
    /// <summary>ISO 8601 UTC with milliseconds: the JSON contract's time.</summary>
    public static string IsoUtc(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The table's time: UTC, readable, with milliseconds.</summary>
    public static string TableTime(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    /// <summary>An event without a time (text that carried none): a dash in tables and CSV.</summary>
    public const string NoTime = "—";

    public static string IsoUtc(DateTimeOffset? t) => t is { } v ? IsoUtc(v) : NoTime;

    /// <summary>The table's time, padded like a real one so columns stay aligned.</summary>
    public static string TableTime(DateTimeOffset? t) => t is { } v ? TableTime(v) : NoTime.PadRight(23);

    public static string Delta(double seconds) =>
        (seconds >= 0 ? "+" : "-") + Math.Abs(seconds).ToString("0.000", CultureInfo.InvariantCulture) + "s";

    public static string Truncate(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
