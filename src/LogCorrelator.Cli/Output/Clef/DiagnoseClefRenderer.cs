using LogCorrelator.Diagnose;
using LogCorrelator.Events;
using LogCorrelator.Query;
using Serilog.Events;

namespace LogCorrelator.Cli.Output.Clef;

/// <summary>
/// <c>diagnose --format clef</c>: one CLEF event per client error of the incident, with <c>Causes</c> (the
/// ids of the causes that explain it, empty for an unexplained one) and <c>Related</c> (for each cause,
/// the nearest event that explains it, with its delta), so a log tool can filter on what caused what.
/// </summary>
internal static class DiagnoseClefRenderer
{
    public static void Write(TextWriter output, TextWriter err, Diagnosis diagnosis)
    {
        var explainedBy = new Dictionary<long, List<(Cause Cause, ExplainedErrorView View)>>();
        foreach (var cause in diagnosis.Causes)
        {
            foreach (var view in cause.Errors)
            {
                if (!explainedBy.TryGetValue(view.Error.Id, out var list))
                    explainedBy[view.Error.Id] = list = [];
                list.Add((cause, view));
            }
        }
        var writer = new ClefWriter(output);
        foreach (StoredEvent error in diagnosis.Errors)
        {
            if (error.Time is not { } time)
            {
                writer.SkipUntimed();
                continue;
            }
            var causes = explainedBy.TryGetValue(error.Id, out var found) ? found : [];
            var related = causes.Where(c => c.View.Nearest is { Time: not null })
                .Select(c => new RelatedEvent(c.View.Nearest!, (c.View.Nearest!.At - time).TotalSeconds))
                .DistinctBy(r => r.Event.Id)
                .ToList();
            LogEventProperty[] extra =
            [
                new("Causes", new SequenceValue(causes.Select(c => new ScalarValue(c.Cause.Id)))),
            ];
            writer.Write(ClefEvents.From(error, time, related, extra));
        }
        writer.ReportUntimed(err);
    }
}
