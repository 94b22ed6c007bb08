using System.Globalization;
using System.Text.RegularExpressions;
using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Syntax;

namespace LogCorrelator.Query.Semantics;

/// <summary>
/// The check pass, after resolve: what the grammar cannot say. Each value fits its field, each
/// regular expression compiles, <c>on</c> sets comparable fields equal, pipes come in an order that
/// makes sense. Needs no store, so a query is checked before any file is touched.
/// </summary>
internal static class QueryChecker
{
    public static QuerySyntaxError? Check(string text, QueryNode query)
    {
        try
        {
            Set(text, query.Left);
            if (query.Range is { From: { } from, To: { } to } && to.LocalMs < from.LocalMs)
                throw Error(text, query.Range, "the range ends before it starts");
            if (query.Condition is { } condition)
                Condition(text, condition);
            Pipes(text, query.Pipes);
            return null;
        }
        catch (QuerySyntaxException e)
        {
            return e.Error;
        }
    }

    private static void Set(string text, SetNode set)
    {
        switch (set)
        {
            case UnionSetNode union:
                foreach (var member in union.Members)
                    Set(text, member);
                break;
            case FilteredSetNode filtered:
                Set(text, filtered.Set);
                Predicate(text, filtered.Where);
                break;
        }
        // A resolved reference was checked against its own text when it was resolved.
    }

    private static void Condition(string text, ConditionNode condition)
    {
        switch (condition)
        {
            case RelationNode relation:
                Set(text, relation.Right);
                if (relation.Key is { } key && !Fields.Comparable(key.Left, key.Right))
                {
                    throw Error(text, key, $"'on {Keywords.Word(key.Left)} = {Keywords.Word(key.Right)}' compares fields that are never equal",
                        hint: "on takes the same field on both sides, or host with peer");
                }
                break;
            case ConditionGroupNode group:
                foreach (var item in group.Items)
                    Condition(text, item);
                break;
        }
    }

    private static void Predicate(string text, PredicateNode predicate)
    {
        switch (predicate)
        {
            case LogicalNode logical:
                foreach (var item in logical.Items)
                    Predicate(text, item);
                break;
            case NotNode not:
                Predicate(text, not.Item);
                break;
            case ComparisonNode comparison:
                Comparison(text, comparison);
                break;
        }
    }

    private static void Comparison(string text, ComparisonNode comparison)
    {
        var field = comparison.Field;
        string word = Keywords.Word(field);
        if (!Fields.Operators(field).Contains(comparison.Op))
        {
            var ops = Fields.Operators(field).Select(Keywords.Symbol);
            throw Error(text, comparison, $"{word} cannot be compared with '{Keywords.Symbol(comparison.Op)}'",
                hint: $"{word} takes {string.Join(", ", ops.SkipLast(1))} or {ops.Last()}");
        }
        foreach (var value in comparison.Values)
        {
            if (comparison.Op == CompareOp.Matches)
            {
                Regex(text, value);
                continue;
            }
            switch (Fields.Type(field))
            {
                case FieldType.Number when !int.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _):
                    throw Error(text, value, $"{word} takes a whole number, not '{value.Text}'");
                case FieldType.Code when comparison.Op is CompareOp.Equal or CompareOp.NotEqual or CompareOp.In
                    && !CodeNode.TryParse(value.Text, out _):
                    throw Error(text, value, $"'{value.Text}' is not an error number or a SQLSTATE");
                case FieldType.Code when comparison.Op is not (CompareOp.Equal or CompareOp.NotEqual or CompareOp.In)
                    && !CodeNode.TryParseNumber(value.Text, out _):
                    throw Error(text, value, $"'{value.Text}' is not an error number", hint: $"'{Keywords.Symbol(comparison.Op)}' compares error numbers; a SQLSTATE takes =, != or in");
                case FieldType.Kind when !Fields.TryKind(value.Text, out _):
                    string? near = SyntaxErrors.Nearest(value.Text, Fields.KindNames);
                    throw Error(text, value, $"unknown kind '{value.Text}'", suggestion: near,
                        hint: near is null ? "kinds: " + string.Join(", ", Fields.KindNames) : null);
            }
        }
    }

    private static void Regex(string text, ValueNode value)
    {
        try
        {
            _ = UserRegex.Compile(value.Text);
        }
        catch (RegexParseException e)
        {
            int at = Math.Clamp(e.Offset, 0, value.Text.Length);
            // The caret goes on the character where .NET gave up (the closing quote when the pattern ended early).
            int offset = at < value.Text.Length || !value.Quoted ? value.SourceOffset(Math.Min(at, Math.Max(0, value.Text.Length - 1))) : value.SourceOffset(at);
            throw Error(text, new SourceSpan(offset, 1), "invalid regular expression", Reason(e));
        }
    }

    /// <summary>The reason alone: .NET's message repeats the pattern and the offset, which the caret shows.</summary>
    private static string Reason(RegexParseException e)
    {
        string message = e.Message;
        int offset = message.IndexOf(" at offset ", StringComparison.Ordinal);
        int dot = offset < 0 ? -1 : message.IndexOf(". ", offset, StringComparison.Ordinal);
        return dot < 0 ? message : message[(dot + 2)..].TrimEnd('.');
    }

    private static void Pipes(string text, IReadOnlyList<PipeNode> pipes)
    {
        CountPipeNode? count = null;
        foreach (var pipe in pipes)
        {
            switch (pipe)
            {
                case CountPipeNode when count is not null:
                    throw Error(text, pipe, "a second '| count'", "the first one made a table, there are no events left to count");
                case CountPipeNode c:
                    if (c.By.Contains(Field.Count))
                        throw Error(text, pipe, "'count by count' would name two columns 'count'", hint: "count the samples' counts with '| sort count' and '| fields count'");
                    if (c.By.Distinct().Count() < c.By.Count)
                        throw Error(text, pipe, "a field is named twice after 'by'");
                    if (c.Per is { Milliseconds: 0 })
                        throw Error(text, c.Per, "'per' needs a duration longer than zero");
                    count = c;
                    break;
                case FieldsPipeNode when count is not null:
                    throw Error(text, pipe, "'| fields' after '| count'", "the table's columns are its 'by' fields and the count");
                case SortPipeNode sort when count is not null && sort.Field != Field.Count && !count.By.Contains(sort.Field)
                    && !(sort.Field == Field.Time && count.Per is not null):
                    throw Error(text, pipe, $"the count table has no column '{Keywords.Word(sort.Field)}'",
                        hint: "after '| count' sort by 'count', a 'by' field, or 'time' with 'per'");
            }
        }
    }

    private static QuerySyntaxException Error(string text, SyntaxNode node, string headline, string? detail = null, string? suggestion = null, string? hint = null) =>
        Error(text, node.Span, headline, detail, suggestion, hint);

    private static QuerySyntaxException Error(string text, SourceSpan span, string headline, string? detail = null, string? suggestion = null, string? hint = null) =>
        new(SyntaxErrors.About(text, span, headline, detail, suggestion, hint));
}
