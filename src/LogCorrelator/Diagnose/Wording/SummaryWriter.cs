using LogCorrelator.Diagnose.Rules;
using System.Globalization;
using LogCorrelator.Events;
using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Execution;
using LogCorrelator.Query.Syntax;

namespace LogCorrelator.Diagnose.Wording;

/// <summary>
/// The one sentence a cause opens with: "5 of 10 errors 10054 between 11:32:06 and 11:33:02 follow
/// the restart at 11:32:04 by 2–58 s". The start is always the same; the rest is the rule's
/// <c>says</c> template with its placeholders filled, or a default that fits the rule's shape.
/// </summary>
internal static class SummaryWriter
{
    public static string Write(Rule rule, int total, IReadOnlyList<ExplainedErrorView> errors,
        IReadOnlyList<StoredEvent> anchors, IReadOnlyList<StoredEvent> required, bool withDate)
    {
        // A corrected host's errors are placed where its clock says they really were.
        var times = errors.Select(e => e.Error.At.AddSeconds(-e.ShiftSeconds)).Order().ToList();
        var first = times[0];
        var last = times[^1];
        string codes = Words.Codes(errors.Select(e => e.Error.CodeText));
        string start = errors.Count == 1
            ? $"1 of {total} errors ({codes.Trim('(', ')')}) at {Words.Time(first, withDate)}"
            : $"{errors.Count} of {total} errors {codes} between {Words.Time(first, withDate)} and {Words.Time(last, withDate)}";
        return start + " " + Fill(rule.Says ?? Default(rule), errors, anchors, Required(required, rule.Requires?.Tested ?? []), withDate) + Corrected(errors);
    }

    /// <summary>" (5 of them with APPSRV03's clock moved 8 h later)", or nothing.</summary>
    private static string Corrected(IReadOnlyList<ExplainedErrorView> errors)
    {
        var moved = errors.Where(e => e.ShiftSeconds != 0).ToList();
        if (moved.Count == 0)
            return "";
        var parts = moved.GroupBy(e => (e.Error.Host, e.ShiftSeconds))
            .Select(g => $"{g.Key.Host}'s clock moved {Words.Offset((long)(g.Key.ShiftSeconds * 1000))} {(g.Key.ShiftSeconds > 0 ? "earlier" : "later")}")
            .ToList();
        return $" ({moved.Count} of them with {Words.List(parts)})";
    }

    private static string Default(Rule rule) => rule switch
    {
        { Quiet: not null } => "each come first after {quiet} of silence on {hosts}",
        { Node.Relation: { Negated: false } } => "come {when} {anchors}",
        { Requires: not null } => "come while {required}",
        _ => "match the rule's query",
    };

    private static string Fill(string template, IReadOnlyList<ExplainedErrorView> errors, IReadOnlyList<StoredEvent> anchors,
        string required, bool withDate)
    {
        var lags = errors.Where(e => e.LagSeconds is not null).Select(e => e.LagSeconds!.Value).ToList();
        double min = lags.Count > 0 ? lags.Min() : 0, max = lags.Count > 0 ? lags.Max() : 0;
        var hosts = errors.Select(e => e.Error.Host).Where(h => h is not null).Distinct().Order(StringComparer.Ordinal).ToList();
        return template
            .Replace("{anchors}", AnchorText.Describe(anchors, withDate), StringComparison.Ordinal)
            .Replace("{lag}", min < 0 && max <= 0 ? Words.Seconds(-max, -min) : Words.Seconds(min, max), StringComparison.Ordinal)
            .Replace("{when}", Words.When(min, max), StringComparison.Ordinal)
            .Replace("{quiet}", Words.Span(min, max), StringComparison.Ordinal)
            .Replace("{hosts}", Words.List(hosts!), StringComparison.Ordinal)
            .Replace("{required}", required, StringComparison.Ordinal);
    }

    /// <summary>"the netsh settings of SQLPROD03 say chimney = enabled": the rows' hosts and the fields the rule tested.</summary>
    private static string Required(IReadOnlyList<StoredEvent> rows, IReadOnlyList<Field> tested)
    {
        if (rows.Count == 0)
            return "the required lines are present";
        var hosts = rows.Select(r => r.Host).Where(h => h is not null).Distinct().Cast<string>().ToList();
        string what = rows[0].Kind == EventKind.NetConfig ? "the netsh settings" : $"the {rows[0].Kind.Name()} lines";
        string of = hosts.Count > 0 ? $" of {Words.List(hosts)}" : "";
        if (tested.Count == 0)
            return $"{what}{of} are present";
        var fields = tested.Select(f => $"{Keywords.Word(f)} = {Convert.ToString(FieldValues.Read(rows[0], f), CultureInfo.InvariantCulture) ?? "?"}");
        return $"{what}{of} say {string.Join(", ", fields)}";
    }
}
