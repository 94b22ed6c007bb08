using LogCorrelator.Diagnose.Evaluation;
using LogCorrelator.Diagnose.Wording;
using LogCorrelator.Store;
using LogCorrelator.Time;

namespace LogCorrelator.Diagnose.Building;

/// <summary>Words a clock finding: which way the host's clock is off, by how much, and what to do.</summary>
internal static class ClockText
{
    public static ClockFinding Build(ClockShift shift, string host, IReadOnlyList<SourceRecord> sources, string against)
    {
        bool assumed = sources.Any(s => s.OffsetOrigin == OffsetOrigin.Assumed);
        string amount = Words.Offset(shift.OffsetMs);
        bool ahead = shift.OffsetMs > 0;
        string fit = $"{shift.Explained} of its {shift.Errors} unexplained errors fit {Words.List(shift.RuleIds.ToList())} once moved {amount} {(ahead ? "earlier" : "later")}";
        string? suggestion = null;
        string text;
        if (assumed)
        {
            string zone = Words.Zone(shift.OffsetMs);
            suggestion = $"--tz '{Glob(sources.First(s => s.OffsetOrigin == OffsetOrigin.Assumed))}={zone}'";
            text = $"{host}'s times look {amount} {(ahead ? "late" : "early")} against {against}: {fit}. Its log states no UTC offset "
                + $"and was read as UTC (assumed); it is probably UTC{zone}: ingest it again with {suggestion}.";
        }
        else
        {
            text = $"{host}'s clock runs {amount} {(ahead ? "ahead of" : "behind")} {against}'s: {fit}. The clocks or the time zones "
                + "probably differ; its timestamps state their offset, so check that host's clock and zone setting.";
        }
        return new ClockFinding(host, shift.OffsetMs / 1000.0, assumed, sources.Select(s => s.RelativePath).ToList(), against,
            shift.RuleIds, shift.Explained, shift.Errors, suggestion, text);
    }

    /// <summary>The host's folder in the incident (<c>APPSRV03/**</c>), else the file itself.</summary>
    private static string Glob(SourceRecord source)
    {
        int slash = source.RelativePath.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 ? source.RelativePath[..slash] + "/**" : source.RelativePath;
    }
}
