using LogCorrelator.Diagnose.Evaluation;
using LogCorrelator.Events;
using LogCorrelator.Query.Planning;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Building;

/// <summary>
/// Assembles the <see cref="Diagnosis"/> from the rules' outcomes: resolves every line shown in
/// one pass, builds and ranks the causes, groups what stays unexplained, and words the clocks.
/// </summary>
internal sealed class DiagnosisBuilder(EventStore store, IncidentErrors errors, RuleQueries queries)
{
    /// <summary>Login failures and server events are shown this far around the errors.</summary>
    public const long AroundMs = 15 * 60_000L;

    public Diagnosis Build(IReadOnlyList<RuleOutcome> outcomes, IReadOnlyList<ClockShift> shifts, HostKeys keys,
        IReadOnlyDictionary<(string Rule, long Error), Candidate> candidates)
    {
        var counted = errors.Counted;
        var notNetwork = errors.NotNetwork;
        var fired = outcomes.Where(o => o.Fired).ToList();
        var book = new EventBook(store);
        for (int i = 0; i < counted.Count; i++)
            book.Want(counted.Id[i]);
        for (int i = 0; i < notNetwork.Count; i++)
            book.Want(notNetwork.Id[i]);
        for (int i = 0; i < errors.Logins.Count; i++)
            book.Want(errors.Logins.Id[i]);
        foreach (long id in fired.SelectMany(CauseBuilder.Wanted).Concat(AccountBuilder.Wanted(outcomes, candidates)))
            book.Want(id);
        var (serverLogins, markers) = Around(counted);
        // Server events near the errors that are not network errors, which their accounts name.
        var (_, context) = Around(notNetwork, errors.Logins);
        foreach (long id in serverLogins.Concat(markers).Concat(context))
            book.Want(id);
        book.Resolve();

        var network = Enumerable.Range(0, counted.Count).Select(i => book[counted.Id[i]]).ToList();
        var others = Enumerable.Range(0, notNetwork.Count).Select(i => book[notNetwork.Id[i]]).ToList();
        // Every error the report counts, network or not, as before: the rules only ever see the network ones.
        var all = network.Concat(others).OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
        bool withDate = all.Count > 0 && all[0].At.UtcDateTime.Date != all[^1].At.UtcDateTime.Date;
        var causes = Rank(fired.Select(o => CauseBuilder.Build(o, book, all.Count, withDate)).ToList());
        var explained = causes.SelectMany(c => c.Errors.Select(e => e.Error.Id)).ToHashSet();
        var unexplained = Group(all.Where(e => !explained.Contains(e.Id)));
        var clientLogins = Enumerable.Range(0, errors.Logins.Count).Select(i => book[errors.Logins.Id[i]]).ToList();
        var logins = Group(clientLogins);
        var anchorMarkers = causes.SelectMany(c => c.Evidence).Where(e => e.Role == EvidenceRole.Anchor).Select(e => e.Event);
        var shown = markers.Select(id => book[id]).Concat(anchorMarkers).DistinctBy(e => e.Id).OrderBy(e => e.At).ThenBy(e => e.Id).ToList();

        var sources = store.Sources();
        var paths = sources.ToDictionary(s => s.Path, s => s.RelativePath, StringComparer.Ordinal);
        string PathOf(StoredEvent e) => paths.TryGetValue(e.SourcePath, out var rel) ? rel : e.SourcePath;
        var accounts = new AccountBuilder(queries, outcomes, candidates, book, PathOf, withDate)
            .Build(causes, network, others, clientLogins, context.Select(id => book[id]).ToList());
        return new Diagnosis(all, causes, unexplained, logins, serverLogins.Select(id => book[id]).ToList(),
            Clocks(shifts, causes, sources, keys), shown, outcomes.Select(o => o.Rule.Id).ToList(), Assumed(all, sources),
            paths, accounts);
    }

    /// <summary>Most errors explained first; ties by confidence, then id. Overlaps are counted both ways.</summary>
    private static List<Cause> Rank(List<Cause> causes)
    {
        var ids = causes.ToDictionary(c => c.Id, c => c.Errors.Select(e => e.Error.Id).ToHashSet());
        return causes
            .Select(c => c with
            {
                AlsoExplainedBy = causes.Where(o => o.Id != c.Id)
                    .Select(o => new Overlap(o.Id, ids[o.Id].Count(ids[c.Id].Contains)))
                    .Where(o => o.Count > 0).ToList(),
            })
            .OrderByDescending(c => c.Explained).ThenByDescending(c => c.Confidence).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static List<ErrorGroup> Group(IEnumerable<StoredEvent> events) =>
        events.GroupBy(e => (e.CodeText, e.Host))
            .Select(g => new ErrorGroup(g.Key.CodeText, g.Key.Host, ErrorCategories.Of(g.Key.CodeText), g.OrderBy(e => e.At).ToList()))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Errors[0].Time)
            .ToList();

    /// <summary>Server-side login failures and the server events a timeline marks, around the errors.</summary>
    private (List<long> Logins, List<long> Markers) Around(params EventSet[] sets)
    {
        var nonEmpty = sets.Where(s => s.Count > 0).ToList();
        if (nonEmpty.Count == 0)
            return ([], []);
        long from = nonEmpty.Min(s => s.Time[0]) - AroundMs, to = nonEmpty.Max(s => s.Time[s.Count - 1]) + AroundMs;
        var logins = store.Load(new EventScan { Kinds = [EventKind.LoginFailed], From = from, To = to });
        var marks = store.Load(new EventScan { Kinds = [EventKind.Restart, EventKind.Shutdown, EventKind.Ready, EventKind.Kill, EventKind.Failover], From = from, To = to });
        return (logins.Id.AsSpan(0, logins.Count).ToArray().ToList(), marks.Id.AsSpan(0, marks.Count).ToArray().ToList());
    }

    private List<ClockFinding> Clocks(IReadOnlyList<ClockShift> shifts, List<Cause> causes, IReadOnlyList<SourceRecord> sources, HostKeys keys)
    {
        var findings = new List<ClockFinding>();
        foreach (var shift in shifts)
        {
            var shifted = causes.SelectMany(c => c.Errors).Where(e => e.ShiftSeconds != 0 && e.Error.Host is not null
                && keys.OfName(e.Error.Host) == shift.HostKey).ToList();
            if (shifted.Count == 0)
                continue;
            string host = shifted[0].Error.Host!;
            string canonical = HostNames.Canonical(host);
            var hostSources = sources.Where(s => s.Host is not null && HostNames.Canonical(s.Host) == canonical
                && shifted.Any(e => e.Error.SourcePath == s.Path)).ToList();
            var against = shifted.Select(e => e.Nearest?.Host).Where(h => h is not null).Distinct().Cast<string>().ToList();
            findings.Add(ClockText.Build(shift, host, hostSources, against.Count > 0 ? string.Join(" and ", against) : "the servers"));
        }
        return findings;
    }

    /// <summary>The files holding errors whose times were read as UTC for want of an offset.</summary>
    private static List<string> Assumed(List<StoredEvent> all, IReadOnlyList<SourceRecord> sources)
    {
        var paths = all.Select(e => e.SourcePath).ToHashSet(StringComparer.Ordinal);
        return sources.Where(s => s.OffsetOrigin == Time.OffsetOrigin.Assumed && paths.Contains(s.Path)).Select(s => s.RelativePath).Order(StringComparer.Ordinal).ToList();
    }
}
