using LogCorrelator.Query;

namespace LogCorrelator.Cli.Output.Clef;

/// <summary>
/// <c>query --format clef</c>: one CLEF event per match, its justifying events in <c>Related</c>. A table
/// (<c>| count</c>, <c>| fields</c>) is no list of events: the caller refuses it before running.
/// </summary>
internal static class QueryClefRenderer
{
    public static void Write(CliIO io, QueryResult result)
    {
        var writer = new ClefWriter(io.Out);
        foreach (var m in result.Matches)
        {
            if (m.Event.Time is { } time)
                writer.Write(ClefEvents.From(m.Event, time, m.Related));
            else
                writer.SkipUntimed();
        }
        writer.ReportUntimed(io.Err);
    }
}
