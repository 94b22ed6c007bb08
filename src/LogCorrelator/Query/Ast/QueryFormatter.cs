using System.Text;
using LogCorrelator.Query.Syntax;

namespace LogCorrelator.Query.Ast;

/// <summary>
/// Writes an AST back as canonical query text (lower-case keywords, single spaces, <c>on host</c>
/// rather than <c>on host = host</c>, the time range right after the first set, parentheses only
/// where they change the meaning): what tests compare and what explain and results echo.
/// </summary>
internal static class QueryFormatter
{
    public static string Format(QueryNode query)
    {
        var text = new StringBuilder();
        Append(text, query);
        return text.ToString();
    }

    public static string Format(SetNode set)
    {
        var text = new StringBuilder();
        Append(text, set);
        return text.ToString();
    }

    public static string Format(ConditionNode condition)
    {
        var text = new StringBuilder();
        Append(text, condition, nested: false);
        return text.ToString();
    }

    public static string Format(PredicateNode predicate)
    {
        var text = new StringBuilder();
        Append(text, predicate, null);
        return text.ToString();
    }

    public static string Format(PipeNode pipe)
    {
        var text = new StringBuilder();
        Append(text, pipe);
        return text.ToString();
    }

    private static void Append(StringBuilder text, QueryNode query)
    {
        Append(text, query.Left);
        if (query.Range is { } range)
            text.Append(' ').Append(range);
        if (query.Condition is { } condition)
        {
            text.Append(' ');
            Append(text, condition, nested: false);
        }
        foreach (var pipe in query.Pipes)
        {
            text.Append(" | ");
            Append(text, pipe);
        }
    }

    private static void Append(StringBuilder text, SetNode set)
    {
        switch (set)
        {
            case EventSetNode named:
                text.Append(Keywords.Word(named.Name));
                if (named.Codes.Count > 0)
                    text.Append(' ').AppendJoin(',', named.Codes);
                if (named.Text is { } quoted)
                    text.Append(' ').Append(ValueNode.Quote(quoted.Text));
                break;
            case UnionSetNode union:
                text.Append('(');
                for (int i = 0; i < union.Members.Count; i++)
                {
                    if (i > 0)
                        text.Append(" or ");
                    Append(text, union.Members[i]);
                }
                text.Append(')');
                break;
            case FilteredSetNode filtered:
                Append(text, filtered.Set);
                text.Append(" where ");
                Append(text, filtered.Where, null);
                break;
            case ReferenceSetNode reference:
                text.Append('@').Append(reference.Name);
                break;
            case ResolvedSetNode resolved:
                text.Append('@').Append(resolved.Name);
                break;
        }
    }

    private static void Append(StringBuilder text, ConditionNode condition, bool nested)
    {
        switch (condition)
        {
            case RelationNode relation:
                text.Append(relation.Negated ? "not " : "").Append(Keywords.Word(relation.Kind)).Append(' ');
                Append(text, relation.Right);
                text.Append(" within ").Append(relation.Window);
                if (relation.Key is { } key)
                {
                    text.Append(" on ").Append(Keywords.Word(key.Left));
                    if (key.Right != key.Left)
                        text.Append(" = ").Append(Keywords.Word(key.Right));
                }
                break;
            case ConditionGroupNode group:
                // 'and' binds tighter than 'or': only an 'or' inside an 'and' needs parentheses.
                bool parens = nested && group.Op == BoolOp.Or;
                text.Append(parens ? "(" : "");
                for (int i = 0; i < group.Items.Count; i++)
                {
                    if (i > 0)
                        text.Append(' ').Append(Keywords.Word(group.Op)).Append(' ');
                    Append(text, group.Items[i], nested: group.Op == BoolOp.And);
                }
                text.Append(parens ? ")" : "");
                break;
        }
    }

    private static void Append(StringBuilder text, PredicateNode predicate, BoolOp? parent)
    {
        switch (predicate)
        {
            case ComparisonNode comparison:
                text.Append(Keywords.Word(comparison.Field)).Append(' ').Append(Keywords.Symbol(comparison.Op)).Append(' ');
                if (comparison.Op == CompareOp.In)
                    text.Append('(').AppendJoin(", ", comparison.Values).Append(')');
                else
                    text.Append(comparison.Values[0]);
                break;
            case LogicalNode logical:
                bool parens = parent is not null && logical.Op == BoolOp.Or;
                text.Append(parens ? "(" : "");
                for (int i = 0; i < logical.Items.Count; i++)
                {
                    if (i > 0)
                        text.Append(' ').Append(Keywords.Word(logical.Op)).Append(' ');
                    Append(text, logical.Items[i], logical.Op);
                }
                text.Append(parens ? ")" : "");
                break;
            case NotNode not:
                text.Append("not ");
                // 'not' binds tightest: a group under it keeps its parentheses.
                if (not.Item is LogicalNode)
                {
                    text.Append('(');
                    Append(text, not.Item, null);
                    text.Append(')');
                }
                else
                {
                    Append(text, not.Item, BoolOp.And);
                }
                break;
        }
    }

    private static void Append(StringBuilder text, PipeNode pipe)
    {
        switch (pipe)
        {
            case CountPipeNode count:
                text.Append("count");
                if (count.By.Count > 0)
                    text.Append(" by ").AppendJoin(", ", count.By.Select(Keywords.Word));
                if (count.Per is { } per)
                    text.Append(" per ").Append(per);
                break;
            case TakePipeNode take:
                text.Append(take.FromEnd ? "last " : "first ").Append(take.Count);
                break;
            case SortPipeNode sort:
                text.Append("sort ").Append(Keywords.Word(sort.Field)).Append(sort.Descending ? " desc" : "");
                break;
            case FieldsPipeNode fields:
                text.Append("fields ").AppendJoin(", ", fields.Fields.Select(Keywords.Word));
                break;
        }
    }
}
