using LogCorrelator.Diagnose.Evaluation;
using LogCorrelator.Diagnose.Wording;
using LogCorrelator.Events;
using LogCorrelator.Query.Ast;

namespace LogCorrelator.Diagnose.Building;

/// <summary>
/// Puts every client error in exactly one place: explained by its best cause (others listed as
/// also possible), not a network error (and what it is instead), or unexplained with each rule's
/// nearest candidate and the reason it did not apply.
/// </summary>
internal sealed class AccountBuilder(
    RuleQueries queries,
    IReadOnlyList<RuleOutcome> outcomes,
    IReadOnlyDictionary<(string Rule, long Error), Candidate> candidates,
    EventBook book,
    Func<StoredEvent, string> pathOf,
    bool withDate)
{
    /// <summary>Each lifetime rule's settings, read once for all the accounts.</summary>
    private readonly Dictionary<string, LifetimeCheck> _lifetimes = [];

    /// <summary>A server event this long before a non-network error is named in its account.</summary>
    public const long ServerEventMs = 5 * 60_000L;

    /// <summary>Ids the accounts show, to resolve with the rest of the report.</summary>
    public static IEnumerable<long> Wanted(IReadOnlyList<RuleOutcome> outcomes, IReadOnlyDictionary<(string Rule, long Error), Candidate> candidates) =>
        candidates.Values.Where(c => c.Event is not null).Select(c => c.Event!.Value.EventId)
            .Concat(outcomes.SelectMany(o => o.Misses.Values).Where(m => m.Event is not null).Select(m => m.Event!.Value.EventId));

    public List<ErrorAccount> Build(IReadOnlyList<Cause> causes, IReadOnlyList<StoredEvent> network, IReadOnlyList<StoredEvent> notNetwork,
        IReadOnlyList<StoredEvent> logins, IReadOnlyList<StoredEvent> serverEvents)
    {
        var byError = new Dictionary<long, List<(Cause Cause, ExplainedErrorView View)>>();
        foreach (var c in causes)
        {
            foreach (var v in c.Errors)
                (byError.TryGetValue(v.Error.Id, out var list) ? list : byError[v.Error.Id] = []).Add((c, v));
        }
        var accounts = new List<ErrorAccount>();
        foreach (var e in network)
        {
            string category = ErrorCategories.Of(e.CodeText);
            accounts.Add(byError.TryGetValue(e.Id, out var list) ? Explained(e, category, list) : Unexplained(e, category));
        }
        foreach (var e in notNetwork.Concat(logins))
            accounts.Add(NotNetwork(e, serverEvents));
        return accounts.OrderBy(a => a.Error.At).ThenBy(a => a.Error.Id).ToList();
    }

    private ErrorAccount Explained(StoredEvent e, string category, List<(Cause Cause, ExplainedErrorView View)> list)
    {
        // Causes come in rank order, so the first is the best.
        var (best, view) = list[0];
        string why;
        if (view.Nearest is { } n && view.LagSeconds is double lag)
        {
            bool quiet = outcomes.First(o => o.Rule.Id == best.Id).Rule.Quiet is not null;
            why = quiet
                ? $"{AccountText.Gap(lag)} since {e.Host}'s last database activity ({pathOf(n)}:{n.Line} at {Words.Time(n.At, withDate)}): first use after the silence"
                : $"{Words.When(lag, lag)} the {AccountText.Event(n, pathOf, withDate)}";
        }
        else
        {
            var required = best.Evidence.FirstOrDefault(x => x.Role == EvidenceRole.Required);
            why = required is null ? best.Title : $"{best.Title}: {AccountText.Event(required.Event, pathOf, withDate)}";
        }
        if (view.ShiftSeconds != 0)
            why += $" (with {e.Host}'s clock corrected by {Words.Offset((long)(view.ShiftSeconds * 1000))})";
        return new ErrorAccount(e, category, Landing.Explained, best.Id, list.Skip(1).Select(x => x.Cause.Id).ToList(), why, view.Nearest, []);
    }

    private ErrorAccount NotNetwork(StoredEvent e, IReadOnlyList<StoredEvent> serverEvents)
    {
        string category = ErrorCategories.Of(e.CodeText);
        string why = ErrorCategories.WhyNotNetwork(category, e.CodeText);
        // A restart or failover just before does not make it a network error, but it is why it happened:
        // the latest one is named (a restart rather than the "ready" line that follows it).
        var recent = serverEvents.Where(s => s.At <= e.At && (e.At - s.At).TotalMilliseconds <= ServerEventMs).ToList();
        var before = recent.Where(s => s.Kind != EventKind.Ready).MaxBy(s => s.At) ?? recent.MaxBy(s => s.At);
        if (before is not null)
        {
            double lag = (e.At - before.At).TotalSeconds;
            why += $"; {Words.When(lag, lag)} the {AccountText.Event(before, pathOf, withDate)}";
            if (category == ErrorCategories.Database && before.Kind is EventKind.Restart or EventKind.Ready or EventKind.Failover)
                why += e.CodeText == "18401" ? ", its upgrade scripts still running" : ", the database still recovering";
        }
        return new ErrorAccount(e, category, Landing.NotNetwork, null, [], why, before, []);
    }

    private ErrorAccount Unexplained(StoredEvent e, string category)
    {
        var misses = new List<(RuleMiss Miss, int Tier, long Distance)>();
        foreach (var o in outcomes)
        {
            if (!o.Misses.TryGetValue(e.Id, out var miss))
                continue;
            var (text, nearest, tier, distance) = Describe(o, miss, e);
            // Among candidates, a server event (restart, kill, failover) says more than a line of the host's own.
            if (tier == 0 && !o.Rule.IsAnchored)
                tier = 1;
            misses.Add((new RuleMiss(o.Rule.Id, text, nearest), tier, distance));
        }
        // The one-line reason is the rule that came closest: a candidate just outside its window first;
        // a rule that defers to another (unless, not near) says less than that other rule's own miss.
        var closest = misses.OrderBy(m => m.Tier).ThenBy(m => m.Distance).Select(m => m.Miss).FirstOrDefault();
        string why = closest is null ? "no rule takes this error" : $"no rule applies; closest, {closest.RuleId}: {closest.Why}";
        return new ErrorAccount(e, category, Landing.Unexplained, null, [], why, closest?.Nearest, misses.Select(m => m.Miss).ToList());
    }

    /// <returns>The reason, the event it names, and how close the rule came: a tier (0 nearest) and, within it, how far outside the window.</returns>
    private (string Text, StoredEvent? Nearest, int Tier, long Distance) Describe(RuleOutcome o, Miss miss, StoredEvent e)
    {
        var rule = o.Rule;
        candidates.TryGetValue((rule.Id, e.Id), out var found);
        switch (miss.Step)
        {
            case MissStep.NotInSet:
                return ($"{e.CodeText ?? "an error without a code"} is not in its set ({AccountText.LeftSet(rule)})", null, 5, 0);
            case MissStep.Relation:
            {
                var join = queries.Relation(rule.Node)!;
                // A state's span is its own lifetime, not the query's window (which holds the longest one).
                string window = rule.Lifetime is { } life
                    ? $"within its lifetime of it ({AccountText.Duration(life.DefaultMs)}, or the host's {life.Setting})"
                    : AccountText.Window(join.Window, rule.Lag);
                long lifetimeMs = 0;
                if (rule.Lifetime is { } stateLife && found.Event is { } state && found.SameKey)
                {
                    var lifetimes = _lifetimes.TryGetValue(rule.Id, out var known) ? known : _lifetimes[rule.Id] = new LifetimeCheck(queries.Store, stateLife);
                    var snapshot = book[state.EventId];
                    var (ms, settingId) = lifetimes.Of(snapshot);
                    lifetimeMs = ms;
                    window = settingId > 0
                        ? $"within its lifetime of it: {AccountText.Duration(ms)}, {snapshot.Host}'s {stateLife.Setting}"
                        : $"within its lifetime of it: {AccountText.Duration(ms)}, the default ({snapshot.Host} has no {stateLife.Setting} in the evidence)";
                }
                string set = AccountText.RightSet(rule);
                string from = join.LeftKey is null ? "" : $" from {e.Host}";
                if (found.Event is not { } r)
                {
                    string reach = found.ReachMs > 0 ? $" within {AccountText.Duration(found.ReachMs)}" : "";
                    return ($"no {set}{from}{reach}; it needs one {window}", null, 2, 0);
                }
                var n = book[r.EventId];
                string at = $"{AccountText.Kind(n)}{(join.LeftKey is null ? "" : " on " + n.Host)} {AccountText.Distance(r.LagMs)} ({pathOf(n)}:{n.Line})";
                if (join.Negated)
                    return ($"the {at} is near it: left to the rules for that", n, 3, 0);
                if (!found.SameKey)
                    return ($"no {set}{from}; the nearest is from {n.Host}: {at}", n, 1, Math.Abs(r.LagMs));
                long off = rule.Lag is { } lag
                    ? (r.LagMs < lag.MinMs ? lag.MinMs - r.LagMs : Math.Max(0, r.LagMs - lag.MaxMs))
                    : rule.Lifetime is not null ? Math.Max(0, Math.Abs(r.LagMs) - lifetimeMs)
                    : r.LagMs > join.Window.Before ? r.LagMs - join.Window.Before : Math.Max(0, -join.Window.After - r.LagMs);
                return ($"nearest {at}; it needs one {window}", n, 0, off);
            }
            case MissStep.Follows:
            {
                var f = rule.Follows!;
                var followed = outcomes.FirstOrDefault(x => x.Rule.Id == f.RuleId);
                return followed is { Fired: true }
                    ? ($"no error {f.RuleId} explains {AccountText.Window(f.Window)}", null, 2, 0)
                    : ($"{f.RuleId} explains no error here, and this rule only follows it", null, 4, 0);
            }
            case MissStep.Quiet:
            {
                var quiet = rule.Quiet!.Value;
                string needs = AccountText.Duration(quiet.QuietMs);
                if (found.Event is not { } r)
                    return ($"{e.Host} was not quiet for {needs} before it", null, 2, 0);
                var n = book[r.EventId];
                double gap = r.LagMs / 1000.0;
                return ($"{AccountText.Gap(gap)} since {e.Host}'s last database activity ({pathOf(n)}:{n.Line}); it needs {needs} of silence", n, 0,
                    Math.Max(0, quiet.QuietMs - r.LagMs));
            }
            case MissStep.Unless:
            {
                if (miss.Event is not { } r)
                    return ("an event it defers to is near it", null, 3, 0);
                var n = book[r.EventId];
                return ($"the {AccountText.Event(n, pathOf, withDate)} is near it ({AccountText.Distance(r.LagMs)}): left to the rules for that", n, 3, 0);
            }
            case MissStep.Requires when miss.Event is { } capture:
            {
                var n = book[capture.EventId];
                return ($"the {AccountText.Kind(n)} on {n.Host} ({pathOf(n)}:{n.Line}) is {AccountText.Distance(capture.LagMs)}; a capture holds for {AccountText.Duration(rule.Requires!.HoldsMs!.Value)} either side", n, 4, 0);
            }
            case MissStep.Requires:
                return ($"it needs {QueryFormatter.Format(rule.Requires!.Node)}{(rule.Requires.OnServer ? " from a SQL Server host" : "")}, and the logs have none", null, 4, 0);
            default:
                int fit = o.Explained.Count;
                return ($"only {fit} error{(fit == 1 ? "" : "s")} fit{(fit == 1 ? "s" : "")}; it needs at least {rule.MinErrors}", null, 1, 0);
        }
    }
}
