using System.Text.RegularExpressions;
using LogCorrelator.Correlate;
using LogCorrelator.Events;
using LogCorrelator.Query;
using LogCorrelator.Query.Ast;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace LogCorrelator.Diagnose.Rules;

/// <summary>
/// Reads one rule file and checks every field before the engine sees it: a rule with a typo in a
/// key, a query that does not parse or a condition the engine cannot evaluate fails loudly, with
/// the file and field named, rather than silently explaining nothing.
/// </summary>
internal static partial class RuleLoader
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    private static readonly string[] Placeholders = ["{anchors}", "{lag}", "{when}", "{hosts}", "{quiet}", "{required}"];

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\{[a-z]+\}")]
    private static partial Regex Placeholder();

    /// <param name="name">The file name, for messages; the rule's id must be its stem.</param>
    /// <exception cref="RuleException">The file is not a usable rule.</exception>
    public static Rule Load(string name, string yaml)
    {
        RuleDocument? doc;
        try
        {
            doc = Yaml.Deserialize<RuleDocument?>(yaml);
        }
        catch (YamlException e)
        {
            string why = (e.InnerException?.Message ?? e.Message).Split('\n')[0];
            throw new RuleException($"{name}: line {e.Start.Line}: {why}", e);
        }
        if (doc is null)
            throw new RuleException($"{name}: empty rule file");
        return Check(name, doc);
    }

    private static Rule Check(string name, RuleDocument doc)
    {
        string id = Required(name, "id", doc.Id);
        if (!IdPattern().IsMatch(id))
            throw Fail(name, "id", $"'{id}' must be lower-case letters, digits and dashes");
        if (!string.Equals(Path.GetFileNameWithoutExtension(name), id, StringComparison.Ordinal))
            throw Fail(name, "id", $"'{id}' must match the file name");
        double confidence = doc.Confidence ?? throw Fail(name, "confidence", "missing");
        if (confidence is <= 0 or > 1)
            throw Fail(name, "confidence", "must be above 0 and at most 1");

        string query = Required(name, "query", doc.Query);
        var node = Compile(name, "query", query);
        if (!SetKinds.All(node.Left, k => k == EventKind.Error))
            throw Fail(name, "query", "must start with 'errors': a rule explains client errors");
        if (node.Condition is not (null or RelationNode))
            throw Fail(name, "query", "one relation at most (near, after or before); say the rest with unless, quietBefore or requires");

        if (doc.Where is not null)
        {
            if (node.Relation is not { } relation)
                throw Fail(name, "where", "filters the query's right-hand set, and the query has none");
            // The rule's where is the query language's: it joins the right-hand set's own filter, so
            // the query engine plans and evaluates it like any 'SET where FILTER'. The query text the
            // report shows stays the rule's query line.
            node = node with { Condition = relation with { Right = Filtered(relation.Right, Filter(name, "where", doc.Where)) } };
        }

        LagRange? lag = null;
        if (doc.Lag is not null)
        {
            if (doc.Lag.Count != 2 || !DurationText.TryParse(doc.Lag[0], out long min) || !DurationText.TryParse(doc.Lag[1], out long max) || min > max)
                throw Fail(name, "lag", "must be [MIN, MAX] durations like [35s, 35.6s], MIN <= MAX");
            if (node.Relation is not { Negated: false })
                throw Fail(name, "lag", "needs a query that relates errors to another set (near/after/before)");
            lag = new LagRange(min, max);
        }

        QuietWindow? quiet = null;
        if (doc.QuietBefore is not null)
        {
            long settle = 0;
            if (!DurationText.TryParse(doc.QuietBefore, out long q) || q == 0)
                throw Fail(name, "quietBefore", $"'{doc.QuietBefore}' is not a duration like 4m");
            if (doc.Settle is not null && !DurationText.TryParse(doc.Settle, out settle))
                throw Fail(name, "settle", $"'{doc.Settle}' is not a duration like 5s");
            // The silence is measured back from the error, and the settle gap is part of it.
            if (settle >= q)
                throw Fail(name, "settle", $"'{doc.Settle}' must be shorter than quietBefore '{doc.QuietBefore}'");
            quiet = new QuietWindow(q, settle);
        }
        else if (doc.Settle is not null)
        {
            throw Fail(name, "settle", "only means something with quietBefore");
        }

        UnlessRelation? unless = null;
        if (doc.Unless is not null)
        {
            var unlessNode = Compile(name, "unless", "errors " + doc.Unless);
            if (unlessNode.Condition is not RelationNode { Negated: false } u || unlessNode.Pipes.Count > 0)
                throw Fail(name, "unless", "must be a relation such as 'near (restart or kill) within 5m'");
            unless = new UnlessRelation(unlessNode, Window(u), u.Negated);
        }

        Requirement? requires = null;
        if (doc.Requires is { } r)
        {
            string rq = Required(name, "requires.query", r.Query);
            bool onServer = r.Host switch
            {
                null or "any" => false,
                "server" => true,
                _ => throw Fail(name, "requires.host", $"'{r.Host}': use 'server' (a host that wrote an ERRORLOG) or 'any'"),
            };
            var requiredNode = Compile(name, "requires.query", rq);
            var requiredWhere = r.Where is null ? null : Filter(name, "requires.where", r.Where);
            if (requiredWhere is not null)
                requiredNode = requiredNode with { Left = Filtered(requiredNode.Left, requiredWhere) };
            long? holds = null;
            if (r.Holds is not null)
            {
                if (!DurationText.TryParse(r.Holds, out long h) || h == 0)
                    throw Fail(name, "requires.holds", $"'{r.Holds}' is not a duration like 24h");
                holds = h;
            }
            requires = new Requirement(rq, requiredNode, requiredWhere is null ? [] : FilterFields.Of(requiredWhere), onServer, holds);
        }

        var also = (doc.Also ?? []).Select(a => Compile(name, "also", a)).ToList();
        int minErrors = doc.MinErrors ?? 1;
        if (minErrors < 1)
            throw Fail(name, "minErrors", "must be 1 or more");
        if (doc.KeyFallback == true && node.Relation?.Key is null)
            throw Fail(name, "keyFallback", "needs a query with 'on host' or 'on host = peer'");
        if (doc.Says is { } says && Placeholder().Matches(says).FirstOrDefault(m => !Placeholders.Contains(m.Value)) is { } unknown)
            throw Fail(name, "says", $"unknown placeholder {unknown.Value}; known: {string.Join(", ", Placeholders)}");

        FollowsLink? follows = null;
        if (doc.Follows is { } f)
        {
            string other = Required(name, "follows.rule", f.Rule);
            if (other == id)
                throw Fail(name, "follows.rule", "a rule cannot follow itself");
            if (f.Within is not { Count: 2 } w || !DurationText.TryParse(w[0], out long min) || !DurationText.TryParse(w[1], out long max) || min > max)
                throw Fail(name, "follows.within", "must be [MIN, MAX] durations like [0s, 10m], MIN <= MAX");
            // The window is measured from the other rule's errors, so the query relates to nothing else.
            if (node.Relation is not null || lag is not null || quiet is not null)
                throw Fail(name, "follows", "the window is the rule's relation: its query has no near/after/before, and no lag or quietBefore");
            follows = new FollowsLink(other, new LagRange(min, max));
        }

        StateLifetime? lifetime = null;
        if (doc.Lifetime is { } lt)
        {
            if (node.Relation is not { Negated: false, Kind: RelationKind.Near } near)
                throw Fail(name, "lifetime", "needs a query that relates errors to a state with 'near'");
            if (lt.Default is null || !DurationText.TryParse(lt.Default, out long life) || life == 0)
                throw Fail(name, "lifetime.default", "must be a duration like 4m");
            if (life > near.Window.Milliseconds)
                throw Fail(name, "lifetime.default", $"'{lt.Default}' is longer than the query's window: the window must hold the longest lifetime");
            string setting = Required(name, "lifetime.setting", lt.Setting);
            if (!IdPattern().IsMatch(setting))
                throw Fail(name, "lifetime.setting", $"'{setting}' must be a netconfig key like tcptimedwaitdelay");
            lifetime = new StateLifetime(life, setting);
        }

        return new Rule(id, Required(name, "title", doc.Title), Required(name, "cause", doc.Cause),
            Required(name, "evidence", doc.Evidence), Required(name, "remedy", doc.Remedy), Required(name, "seed", doc.Seed),
            confidence, query, node, lag, quiet, unless, requires, also, minErrors, doc.KeyFallback == true, doc.Says?.Trim(), follows, lifetime);
    }

    /// <summary>Parsed, resolved and checked as <c>logcorr query</c> would; planned later, per store.</summary>
    private static QueryNode Compile(string name, string field, string text)
    {
        QueryNode node;
        try
        {
            node = QueryEngine.Compile(text, QueryOptions.Default);
        }
        catch (QuerySyntaxException e)
        {
            throw Fail(name, field, "\n" + e.Error.Format());
        }
        if (node.Pipes.Count > 0)
            throw Fail(name, field, "a rule's query has no pipes: it selects events, it does not shape output");
        return node;
    }

    /// <summary>The relation's window as the query planner builds it (the rule's own checks read it).</summary>
    private static TimeWindow Window(RelationNode relation)
    {
        long w = relation.Window.Milliseconds;
        return relation.Kind switch
        {
            RelationKind.Near => TimeWindow.Around(w),
            RelationKind.After => TimeWindow.Preceding(w),
            _ => TimeWindow.Following(w),
        };
    }

    /// <summary>
    /// A <c>where</c> in the query language, checked as <c>logcorr query</c> checks <c>events where TEXT</c>
    /// (fields, operators, regular expressions); only the filter may follow <c>where</c>.
    /// </summary>
    private static PredicateNode Filter(string name, string field, string text)
    {
        var node = Compile(name, field, "events where " + text.Trim());
        if (node is not { Left: FilteredSetNode { Set: EventSetNode, Where: var filter }, Range: null, Condition: null })
            throw Fail(name, field, $"'{text.Trim()}' is not a filter like 'count >= 3900' or 'chimney = enabled and host = SQLPROD03'");
        return filter;
    }

    /// <summary>The set with one more filter; a set that has its own keeps it (both must hold).</summary>
    private static SetNode Filtered(SetNode set, PredicateNode where) => new FilteredSetNode(set, where);

    private static string Required(string name, string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? throw Fail(name, field, "missing") : value.Trim();

    private static RuleException Fail(string name, string field, string why) => new($"{name}: {field}: {why}");
}
