using System.Globalization;

namespace LogCorrelator.Diagnose.Wording;

/// <summary>How a report writes times, spans, lists and counts in its sentences.</summary>
internal static class Words
{
    /// <summary>HH:mm:ss UTC; with the date when the incident's errors span more than one day.</summary>
    public static string Time(DateTimeOffset t, bool withDate) =>
        t.UtcDateTime.ToString(withDate ? "yyyy-MM-dd HH:mm:ss" : "HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>"A", "A and B", "A, B and C"; past <paramref name="max"/> items, "A, B, C and 4 more".</summary>
    public static string List(IReadOnlyList<string> items, int max = 4)
    {
        if (items.Count == 0)
            return "";
        if (items.Count > max)
            return string.Join(", ", items.Take(max - 1)) + $" and {items.Count - max + 1} more";
        return items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
    }

    /// <summary>
    /// A range of seconds: "2–58 s", "0.3–199 s", "35.08–35.10 s", under a second "3–22 ms". The
    /// decimals follow the spread, so a tight keepalive range keeps its hundredths and a wide one
    /// reads as whole seconds.
    /// </summary>
    public static string Seconds(double min, double max)
    {
        if (min >= 0 && max < 1)
        {
            string a = Math.Round(min * 1000).ToString(CultureInfo.InvariantCulture), b = Math.Round(max * 1000).ToString(CultureInfo.InvariantCulture);
            return a == b ? a + " ms" : $"{a}–{b} ms";
        }
        // One value (a single error) keeps a little precision: "2.17 s", "35.1 s".
        int decimals = max == min ? (max < 10 ? 2 : 1) : Decimals(max - min);
        string lo = Number(min, min < 1 && decimals == 0 ? 1 : decimals);
        string hi = Number(max, decimals);
        return lo == hi ? lo + " s" : $"{lo}–{hi} s";
    }

    /// <summary>"2–58 s after", "3–9 s before", "from 2 s before to 27 s after".</summary>
    public static string When(double min, double max)
    {
        if (min >= 0)
            return Seconds(min, max) + " after";
        if (max <= 0)
            return Seconds(-max, -min) + " before";
        int decimals = Decimals(max - min);
        return $"from {Number(-min, decimals)} s before to {Number(max, decimals)} s after";
    }

    private static int Decimals(double spread) => spread < 1 ? 2 : spread < 10 ? 1 : 0;

    /// <summary>A long span in the largest unit that keeps it readable: "95 s", "7–37 min", "3 h".</summary>
    public static string Span(double minSeconds, double maxSeconds)
    {
        if (maxSeconds < 120)
            return Seconds(minSeconds, maxSeconds);
        if (maxSeconds < 7200)
            return Range(minSeconds / 60, maxSeconds / 60) + " min";
        return Range(minSeconds / 3600, maxSeconds / 3600) + " h";
    }

    /// <summary>An offset as people say it: "1 h", "8 h", "5 h 30 min", "45 min".</summary>
    public static string Offset(long ms)
    {
        long minutes = Math.Abs(ms) / 60_000;
        long h = minutes / 60, m = minutes % 60;
        return h == 0 ? $"{m} min" : m == 0 ? $"{h} h" : $"{h} h {m} min";
    }

    /// <summary>An offset as a zone: "-08:00", "+05:30".</summary>
    public static string Zone(long ms)
    {
        long minutes = Math.Abs(ms) / 60_000;
        return (ms < 0 ? "-" : "+") + (minutes / 60).ToString("00", CultureInfo.InvariantCulture) + ":" + (minutes % 60).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>"10054" when every error has that code, else "(08S01 ×4, 10054 ×3)", most frequent first.</summary>
    public static string Codes(IEnumerable<string?> codes)
    {
        var groups = codes.GroupBy(c => c ?? "no code").OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        return groups.Count == 1 ? groups[0].Key : "(" + string.Join(", ", groups.Select(g => $"{g.Key} ×{g.Count()}")) + ")";
    }

    private static string Range(double min, double max)
    {
        string lo = Math.Round(min).ToString(CultureInfo.InvariantCulture), hi = Math.Round(max).ToString(CultureInfo.InvariantCulture);
        return lo == hi ? lo : $"{lo}–{hi}";
    }

    private static string Number(double value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
