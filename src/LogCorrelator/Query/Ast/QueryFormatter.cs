using System.Text;

namespace LogCorrelator.Query.Ast;

/// <summary>
/// Writes an AST back as canonical query text (lower-case keywords, single spaces, <c>on host</c>
/// rather than <c>on host = host</c>): what tests compare and what <c>explain</c> echoes.
/// </summary>
internal static class QueryFormatter
{
    public static string Format(QueryNode query)
    {
        var text = new StringBuilder();
        Append(text, query.Left);
        if (query.Relation is { } relation)
        {
            text.Append(relation.Negated ? " not " : " ").Append(Syntax.Keywords.Word(relation.Kind)).Append(' ');
            Append(text, relation.Right);
            text.Append(" within ").Append(relation.Window);
            if (relation.Key is { } key)
            {
                text.Append(" on ").Append(Syntax.Keywords.Word(key.Left));
                if (key.Right != key.Left)
                    text.Append(" = ").Append(Syntax.Keywords.Word(key.Right));
            }
        }
        return text.ToString();
    }

    public static string Format(SetNode set)
    {
        var text = new StringBuilder();
        Append(text, set);
        return text.ToString();
    }

    private static void Append(StringBuilder text, SetNode set)
    {
        switch (set)
        {
            case EventSetNode named:
                text.Append(Syntax.Keywords.Word(named.Name));
                if (named.Codes.Count > 0)
                    text.Append(' ').AppendJoin(',', named.Codes);
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
        }
    }
}
