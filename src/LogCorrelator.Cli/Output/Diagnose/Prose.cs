using System.Text.RegularExpressions;

namespace LogCorrelator.Cli.Output.Diagnose;

/// <summary>Keeps a number with its unit when a sentence wraps: "2–58 s" never ends a line at "2–58".</summary>
internal static partial class Prose
{
    [GeneratedRegex(@"(?<=\d) (?=(s|ms|min|h)\b)")]
    private static partial Regex NumberUnit();

    [GeneratedRegex(@"\d[\d.]*–[\d.]+\u00A0(s|ms|min|h)\b")]
    private static partial Regex Range();

    /// <summary>A no-break space between a number and its unit, for the terminal.</summary>
    public static string KeepUnits(string text) => NumberUnit().Replace(text, "\u00A0");

    /// <summary>For HTML (already escaped): ranges in a no-wrap span, units bound to their numbers.</summary>
    public static string KeepRangesHtml(string escaped) =>
        Range().Replace(KeepUnits(escaped), m => $"<span class=\"nw\">{m.Value}</span>");
}
