using LogCorrelator.Diagnose.Building;
using LogCorrelator.Diagnose.Evaluation;
using LogCorrelator.Diagnose.Rules;
using LogCorrelator.Query.Ast;
using LogCorrelator.Store;

namespace LogCorrelator.Diagnose;

/// <summary>
/// The diagnosis entry point: every rule over the incident's errors, a clock check for hosts that
/// fit a server event only when moved by whole quarter hours, then the ranked report.
/// </summary>
public static class DiagnosisEngine
{
    /// <exception cref="RuleException">A rule file in <see cref="DiagnoseOptions.RulesFolder"/> is not usable.</exception>
    public static Diagnosis Run(EventStore store, DiagnoseOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var rules = options.RulesFolder is null ? RuleSet.BuiltIn : RuleSet.FromFolder(options.RulesFolder);
        return Run(store, rules, IncidentScope.Of(store, options.Paths));
    }

    /// <summary>The ids of the built-in rules, in the order their files sort.</summary>
    public static IReadOnlyList<string> BuiltInRuleIds => RuleSet.BuiltIn.Select(r => r.Id).ToList();

    internal static Diagnosis Run(EventStore store, IReadOnlyList<Rule> rules, IncidentScope scope)
    {
        var errors = IncidentErrors.Load(store, scope);
        var keys = new HostKeys(store);
        var servers = ServerHosts.Of(store);
        var queries = new RuleQueries(store);
        var evaluator = new RuleEvaluator(queries, errors, keys, servers);
        var outcomes = EvaluateAll(rules, (rule, followed) => evaluator.Evaluate(rule, null, followed));

        var fired = outcomes.Where(o => o.Fired).ToList();
        var explained = fired.SelectMany(o => o.Explained.Select(e => e.ErrorId)).ToHashSet();
        var anchoredHosts = AnchoredHosts(fired, errors, keys);
        var shifts = ClockProbe.Find(queries, keys, rules, errors, explained, servers)
            .Where(s => !anchoredHosts.Contains(s.HostKey)).ToList();
        if (shifts.Count > 0)
        {
            var byHost = shifts.ToDictionary(s => s.HostKey, s => s.OffsetMs);
            var before = outcomes.ToDictionary(o => o.Rule.Id);
            outcomes = EvaluateAll(rules, (rule, followed) =>
                rule.IsAnchored || rule.Follows is not null ? evaluator.Evaluate(rule, byHost, followed) : before[rule.Id]);
        }
        var explainedNow = outcomes.Where(o => o.Fired).SelectMany(o => o.Explained.Select(e => e.ErrorId)).ToHashSet();
        var unexplained = Enumerable.Range(0, errors.Counted.Count).Select(i => errors.Counted.Id[i]).Where(id => !explainedNow.Contains(id)).ToHashSet();
        var candidates = MissDetails.Find(queries, keys, outcomes, errors, unexplained);
        return new DiagnosisBuilder(store, errors, queries).Build(outcomes, shifts, keys, candidates);
    }

    /// <summary>
    /// Every rule's outcome, in the rules' order; a rule with <c>follows</c> is evaluated after the rule it
    /// follows, whose explained errors open its window (RuleSet checks the rule exists and follows none).
    /// </summary>
    private static List<RuleOutcome> EvaluateAll(IReadOnlyList<Rule> rules, Func<Rule, RuleOutcome?, RuleOutcome> evaluate)
    {
        var done = new Dictionary<string, RuleOutcome>();
        foreach (var rule in rules.Where(r => r.Follows is null))
            done[rule.Id] = evaluate(rule, null);
        foreach (var rule in rules.Where(r => r.Follows is not null))
            done[rule.Id] = evaluate(rule, done[rule.Follows!.RuleId]);
        return rules.Select(r => done[r.Id]).ToList();
    }

    /// <summary>
    /// Hosts with an error a restart, kill or failover already explains: their clock agrees with
    /// the server's, so no offset is proposed for them.
    /// </summary>
    private static HashSet<int> AnchoredHosts(List<RuleOutcome> fired, IncidentErrors errors, HostKeys keys)
    {
        var hostKeys = keys.Of(errors.Counted, Field.Host);
        return fired.Where(o => o.Rule.IsAnchored)
            .SelectMany(o => o.Explained)
            .Select(e => hostKeys[errors.Index[e.ErrorId]])
            .ToHashSet();
    }
}
