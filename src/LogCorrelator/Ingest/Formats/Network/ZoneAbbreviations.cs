namespace LogCorrelator.Ingest.Formats.Network;

/// <summary>
/// The zone abbreviations <c>date</c> prints, with their offsets. Ambiguous ones (IST is India,
/// Ireland or Israel) are known as zones without an offset, so the source's clock decides.
/// </summary>
internal static class ZoneAbbreviations
{
    private static readonly Dictionary<string, int?> Offsets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UTC"] = 0, ["GMT"] = 0, ["UT"] = 0, ["Z"] = 0, ["WET"] = 0,
        ["WEST"] = 60, ["BST"] = 60, ["CET"] = 60, ["MET"] = 60,
        ["CEST"] = 120, ["MEST"] = 120, ["EET"] = 120, ["SAST"] = 120,
        ["EEST"] = 180, ["MSK"] = 180,
        ["JST"] = 540, ["KST"] = 540, ["AWST"] = 480, ["ACST"] = 570, ["AEST"] = 600, ["AEDT"] = 660,
        ["NZST"] = 720, ["NZDT"] = 780,
        ["EST"] = -300, ["EDT"] = -240, ["CST"] = -360, ["CDT"] = -300,
        ["MST"] = -420, ["MDT"] = -360, ["PST"] = -480, ["PDT"] = -420,
        ["AKST"] = -540, ["AKDT"] = -480, ["HST"] = -600,
        ["IST"] = null,
    };

    private static readonly Dictionary<string, int?>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Offsets.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True for a zone abbreviation; <paramref name="offsetMinutes"/> is null when it names no one offset.</summary>
    public static bool TryGet(ReadOnlySpan<char> token, out int? offsetMinutes)
    {
        if (Lookup.TryGetValue(token, out offsetMinutes))
            return true;
        // Any other all-capitals abbreviation is a zone we don't know: local time, the clock decides.
        offsetMinutes = null;
        if (token.Length is < 3 or > 5)
            return false;
        foreach (char c in token)
        {
            if (c is < 'A' or > 'Z')
                return false;
        }
        return true;
    }
}
