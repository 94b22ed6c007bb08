using LogCorrelator.Diagnose.Evaluation;
using LogCorrelator.Diagnose.Wording;
using LogCorrelator.Events;

namespace LogCorrelator.Diagnose.Building;

/// <summary>
/// Turns a fired rule's outcome into a <see cref="Cause"/>: the explained errors with their lags,
/// the evidence lines (the events they follow, the required and supporting lines, the quiet
/// periods, the first and last error), the summary sentence and the confidence.
/// </summary>
internal static class CauseBuilder
{
    public const int MaxAnchors = 6;
    public const int MaxLines = 3;

    /// <summary>
    /// Related lines shown beside the chosen ones when they belong to the same occurrence: the
    /// shutdown before a restart, all three KILLs of a watchdog run, both partners of one failover.
    /// </summary>
    private static int Family(EventKind kind) => kind switch
    {
        EventKind.Restart or EventKind.Shutdown => 1,
        EventKind.Kill => 2,
        EventKind.Failover => 3,
        _ => 0,
    };

    private static double FamilySeconds(int family) => family == 1 ? 300 : AnchorText.SameOccurrenceSeconds;

    /// <summary>Ids the cause will show, to resolve in one pass.</summary>
    public static IEnumerable<long> Wanted(RuleOutcome outcome)
    {
        foreach (var e in outcome.Explained)
        {
            yield return e.ErrorId;
            foreach (var r in e.Related)
                yield return r.EventId;
        }
        foreach (long id in outcome.RequiredRows.Take(MaxLines).Concat(outcome.SupportRows))
            yield return id;
    }

    public static Cause Build(RuleOutcome outcome, EventBook book, int total, bool withDate)
    {
        var rule = outcome.Rule;
        var errors = outcome.Explained
            .Select(e => View(e, book))
            .OrderBy(v => v.Error.Time).ThenBy(v => v.Error.Id)
            .ToList();
        bool quiet = rule.Quiet is not null;
        var nearest = outcome.Explained.Where(e => e.Nearest is not null).Select(e => e.Nearest!.Value.EventId).ToList();
        var anchors = quiet ? [] : Anchors(outcome, nearest, book);
        var required = outcome.RequiredRows.Take(MaxLines).Select(id => book[id]).ToList();

        var evidence = new List<Evidence>();
        evidence.AddRange(anchors.Select(a => new Evidence(a, EvidenceRole.Anchor)));
        // A setting has no time of its own (netsh prints none): its time is when it was captured.
        evidence.AddRange(required.Select(r => new Evidence(r, EvidenceRole.Required,
            r.Kind == EventKind.NetConfig ? "a standing setting; the time is when it was captured" : null)));
        evidence.AddRange(outcome.SupportRows.Take(MaxLines).Select(id => new Evidence(book[id], EvidenceRole.Support)));
        if (quiet)
        {
            evidence.AddRange(errors.Where(e => e.Nearest is not null).Select(e => e.Nearest!).DistinctBy(e => e.Id).Take(MaxLines)
                .Select(e => new Evidence(e, EvidenceRole.LastActivity, QuietNote(e, errors))));
        }
        evidence.Add(ErrorLine(errors[0]));
        if (errors.Count > 1)
            evidence.Add(ErrorLine(errors[^1]));

        double confidence = rule.Confidence * (outcome.KeyFallback ? 0.7 : 1) * (outcome.ClockCorrected > 0 ? 0.8 : 1);
        // The sentence names the events the lags are measured from and the other lines of the same
        // occurrence (all KILLs of one run, both partners of a failover); the evidence shows the rest.
        var named = nearest.Distinct().Select(id => book[id]).ToList();
        named.AddRange(anchors.Where(a => !named.Any(n => n.Id == a.Id) && named.Any(n => n.Kind == a.Kind
            && Math.Abs((n.At - a.At).TotalSeconds) <= AnchorText.SameOccurrenceSeconds)));
        string summary = SummaryWriter.Write(rule, total, errors, named, required, withDate);
        return new Cause(rule.Id, rule.Title, errors.Count, Math.Round(confidence, 2), summary, rule.Cause, rule.EvidenceText,
            rule.Remedy, rule.Seed, rule.Query, evidence, errors, [], outcome.ClockCorrected, Note(outcome));
    }

    private static Evidence ErrorLine(ExplainedErrorView e) =>
        new(e.Error, EvidenceRole.Error, e.ShiftSeconds == 0 ? null
            : $"logged by a clock {Words.Offset((long)(e.ShiftSeconds * 1000))} {(e.ShiftSeconds > 0 ? "ahead" : "behind")}");

    private static ExplainedErrorView View(ExplainedError e, EventBook book)
    {
        var nearest = e.Nearest;
        return new ExplainedErrorView(book[e.ErrorId],
            nearest is { EventId: > 0 } n ? book[n.EventId] : null,
            nearest is { } m ? m.LagMs / 1000.0 : null,
            e.ShiftMs / 1000.0);
    }

    /// <summary>
    /// The events the errors follow: each error's nearest one, plus the other lines of the same
    /// occurrence for restarts, kills and failovers; the ones most errors point to win a place,
    /// then they are shown in time order.
    /// </summary>
    private static List<StoredEvent> Anchors(RuleOutcome outcome, List<long> nearest, EventBook book)
    {
        var votes = nearest.GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var chosen = votes.Keys.Select(id => book[id]).ToList();
        var mates = outcome.Explained.SelectMany(e => e.Related).Select(r => r.EventId).Distinct()
            .Where(id => !votes.ContainsKey(id)).Select(id => book[id])
            .Where(m => Family(m.Kind) > 0 && chosen.Any(c => Family(c.Kind) == Family(m.Kind)
                && Math.Abs((c.At - m.At).TotalSeconds) <= FamilySeconds(Family(m.Kind))))
            .ToList();
        return chosen.Concat(mates)
            .OrderByDescending(a => votes.GetValueOrDefault(a.Id)).ThenBy(a => a.At)
            .Take(MaxAnchors)
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .ToList();
    }

    private static string QuietNote(StoredEvent last, List<ExplainedErrorView> errors)
    {
        var after = errors.Where(e => e.Nearest?.Id == last.Id).ToList();
        double gap = after.Min(e => e.LagSeconds ?? 0);
        return $"last database activity on {last.Host} before {Words.Span(gap, gap)} of silence";
    }

    private static string? Note(RuleOutcome outcome)
    {
        var notes = new List<string>();
        if (outcome.KeyFallback)
            notes.Add("joined on time alone: no error came from a host the events name, so the host join could not be used");
        if (outcome.ClockCorrected > 0)
            notes.Add($"{outcome.ClockCorrected} of these errors fit only with their host's clock corrected (see the clock note)");
        return notes.Count > 0 ? string.Join("; ", notes) : null;
    }
}
