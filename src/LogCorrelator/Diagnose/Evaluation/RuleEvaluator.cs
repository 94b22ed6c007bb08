using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Query.Ast;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// Evaluates a rule in a fixed order: the query's left set (restricted to the incident's errors),
/// its relation with <c>where</c> and <c>lag</c>, then <c>quietBefore</c>, <c>unless</c>,
/// <c>requires</c>, and last the supporting <c>also</c> lines. Each step only removes errors.
/// </summary>
internal sealed class RuleEvaluator(RuleQueries queries, IncidentErrors errors, HostKeys keys, ISet<string> serverHosts)
{
    public HostKeys Keys => keys;

    /// <param name="shifts">Host key to milliseconds its errors' times are too late; applied to anchored rules only.</param>
    /// <param name="followed">For a rule with <c>follows</c>, the outcome of the rule it follows.</param>
    public RuleOutcome Evaluate(Rule rule, IReadOnlyDictionary<int, long>? shifts = null, RuleOutcome? followed = null)
    {
        var left = LeftSet(rule, shifts, out var shiftOf);
        var keep = new bool[left.Count];
        var related = new List<Related>?[left.Count];
        Array.Fill(keep, true);
        bool fallback = false;
        var misses = new Dictionary<long, Miss>();
        var inSet = new HashSet<long>(left.Id.AsSpan(0, left.Count).ToArray());
        for (int i = 0; i < errors.Counted.Count; i++)
        {
            if (!inSet.Contains(errors.Counted.Id[i]))
                misses[errors.Counted.Id[i]] = new Miss(MissStep.NotInSet);
        }

        if (queries.Relation(rule.Node) is { } join)
        {
            var match = RelationMatcher.Match(queries, keys, left, join, rule.Lag, rule.KeyFallback);
            fallback = match.UsedFallback;
            for (int a = 0; a < left.Count; a++)
            {
                keep[a] = match.Matched[a];
                related[a] = match.Related[a];
                if (!keep[a])
                    misses[left.Id[a]] = new Miss(MissStep.Relation);
            }
        }
        var settingRows = new List<long>();
        if (rule.Lifetime is { } lifetime)
        {
            var spans = LifetimeCheck.Spans(queries.Store, lifetime, related.Where(r => r is not null).SelectMany(r => r!).Select(r => r.EventId));
            for (int a = 0; a < left.Count; a++)
            {
                if (!keep[a] || related[a] is not { } list)
                    continue;
                var within = list.Where(r => Math.Abs(r.LagMs) <= spans[r.EventId].Ms).ToList();
                keep[a] = within.Count > 0;
                related[a] = keep[a] ? within : null;
                if (!keep[a])
                    misses[left.Id[a]] = new Miss(MissStep.Relation);
                settingRows.AddRange(within.Select(r => spans[r.EventId].SettingId).Where(id => id > 0));
            }
        }
        if (rule.Follows is { } follows)
        {
            var found = FollowCheck.Apply(errors, left, follows.Window, followed is { Fired: true } f ? f.Explained : []);
            for (int a = 0; a < left.Count; a++)
            {
                keep[a] = found[a] is not null;
                related[a] = found[a];
                if (!keep[a])
                    misses[left.Id[a]] = new Miss(MissStep.Follows);
            }
        }
        if (rule.Quiet is { } quiet)
        {
            var candidates = left.Where(a => keep[a]);
            var lastLines = QuietCheck.Apply(queries.Store, keys, candidates, quiet, DatabaseActivity.BuiltIn);
            var byId = new Dictionary<long, Related?>();
            for (int c = 0; c < candidates.Count; c++)
                byId[candidates.Id[c]] = lastLines[c];
            for (int a = 0; a < left.Count; a++)
            {
                if (!keep[a])
                    continue;
                var last = byId[left.Id[a]];
                keep[a] = last is not null;
                if (!keep[a])
                    misses[left.Id[a]] = new Miss(MissStep.Quiet);
                if (last is { EventId: > 0 } line)
                    (related[a] ??= []).Add(line);
            }
        }
        if (rule.Unless is { } unless)
        {
            var candidates = left.Where(a => keep[a]);
            var match = RelationMatcher.Match(queries, keys, candidates, queries.Relation(unless.Query)!);
            var excluded = new Dictionary<long, Related?>();
            for (int c = 0; c < candidates.Count; c++)
            {
                if (match.Matched[c])
                    excluded[candidates.Id[c]] = match.Related[c]?.MinBy(r => Math.Abs(r.LagMs));
            }
            for (int a = 0; a < left.Count; a++)
            {
                if (keep[a] && excluded.TryGetValue(left.Id[a], out var by))
                {
                    keep[a] = false;
                    misses[left.Id[a]] = new Miss(MissStep.Unless, by);
                }
            }
        }

        IReadOnlyList<long> required = [];
        bool missing = false;
        if (rule.Requires is { } requirement)
        {
            var captures = RequirementCheck.Captures(queries, requirement, serverHosts);
            required = captures.Select(c => c.Id).ToList();
            missing = required.Count == 0;
            // A dated capture vouches for the errors of its window only: the others miss it, with the nearest capture named.
            for (int a = 0; a < left.Count && !missing; a++)
            {
                if (!keep[a])
                    continue;
                var (covered, nearest) = RequirementCheck.Covers(captures, requirement.HoldsMs, left.Time[a]);
                if (!covered)
                {
                    keep[a] = false;
                    misses[left.Id[a]] = new Miss(MissStep.Requires, nearest);
                }
            }
        }

        var explained = new List<ExplainedError>();
        for (int a = 0; a < left.Count; a++)
        {
            if (keep[a] && !missing)
                explained.Add(new ExplainedError(left.Id[a], related[a] ?? [], shiftOf(left.Id[a])));
            else if (keep[a])
                misses[left.Id[a]] = new Miss(MissStep.Requires);
        }
        var explainedColumns = left.Where(a => keep[a] && !missing);
        // The settings that gave a state its lifetime are evidence too: the report shows what the span rests on.
        var support = rule.Also.SelectMany(query => SupportCheck.Rows(queries, keys, query, explainedColumns))
            .Concat(missing ? [] : settingRows).Distinct().ToList();
        if (!missing && explained.Count > 0 && explained.Count < rule.MinErrors)
        {
            foreach (var e in explained)
                misses[e.ErrorId] = new Miss(MissStep.TooFew);
        }
        return new RuleOutcome(rule, explained, required, support, missing, fallback, misses);
    }

    /// <summary>The rule's left set cut down to the incident's counted errors, with clock shifts applied.</summary>
    private EventSet LeftSet(Rule rule, IReadOnlyDictionary<int, long>? shifts, out Func<long, long> shiftOf)
    {
        var scope = errors.Scope;
        var plan = queries.Plan(rule.Node);
        // The rule's own time range, if it says one, narrows the incident's.
        long? from = Max(scope.From, plan.From), to = Min(scope.To, plan.To);
        var loaded = scope.Empty || from > to ? EventSet.Empty(ColumnSet.Numbers) : queries.Load(plan.Left, from, to);
        var left = loaded.Where(i => errors.Index.ContainsKey(loaded.Id[i]));
        if (shifts is not { Count: > 0 } || !rule.IsAnchored)
        {
            shiftOf = _ => 0;
            return left;
        }
        var hostKeys = keys.Of(left, Field.Host);
        var byId = new Dictionary<long, long>();
        for (int i = 0; i < left.Count; i++)
        {
            if (shifts.TryGetValue(hostKeys[i], out long ms))
                byId[left.Id[i]] = ms;
        }
        shiftOf = id => byId.GetValueOrDefault(id);
        var map = byId;
        return left.Shifted(i => map.GetValueOrDefault(left.Id[i]));
    }

    private static long? Max(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
