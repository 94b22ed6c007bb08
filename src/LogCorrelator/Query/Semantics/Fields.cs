using LogCorrelator.Events;
using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Syntax;

namespace LogCorrelator.Query.Semantics;

/// <summary>Types of fields and the kind names a <c>kind</c> filter takes.</summary>
internal static class Fields
{
    public static FieldType Type(Field field) => field switch
    {
        Field.Host or Field.Peer => FieldType.Name,
        Field.Source => FieldType.Source,
        Field.Spid or Field.Port or Field.Count => FieldType.Number,
        Field.Code => FieldType.Code,
        Field.SqlState or Field.Message or Field.CodeOrigin or Field.Chimney or Field.Outcome => FieldType.Text,
        Field.Kind => FieldType.Kind,
        _ => FieldType.Time,
    };

    /// <summary>The operators a field takes, as the error message lists them.</summary>
    public static IReadOnlyList<CompareOp> Operators(Field field) => Type(field) switch
    {
        FieldType.Number => [CompareOp.Equal, CompareOp.NotEqual, CompareOp.Less, CompareOp.LessOrEqual, CompareOp.Greater, CompareOp.GreaterOrEqual, CompareOp.In],
        FieldType.Code => [CompareOp.Equal, CompareOp.NotEqual, CompareOp.Less, CompareOp.LessOrEqual, CompareOp.Greater, CompareOp.GreaterOrEqual, CompareOp.Matches, CompareOp.In],
        FieldType.Kind => [CompareOp.Equal, CompareOp.NotEqual, CompareOp.In],
        _ => [CompareOp.Equal, CompareOp.NotEqual, CompareOp.Matches, CompareOp.In],
    };

    /// <summary>Two fields an <c>on</c> clause may set equal: the same field, or host with peer.</summary>
    public static bool Comparable(Field left, Field right) =>
        left == right || (Type(left) == FieldType.Name && Type(right) == FieldType.Name);

    /// <summary>A kind by its output name (<c>server-error</c>) or its set word (<c>server-errors</c>).</summary>
    public static bool TryKind(string text, out EventKind kind)
    {
        foreach (var k in EventKinds.All)
        {
            if (string.Equals(k.Name(), text, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        foreach (var (word, set) in Keywords.Sets)
        {
            if (string.Equals(word, text, StringComparison.OrdinalIgnoreCase) && Planning.QueryPlanner.Kind(set) is EventKind named)
            {
                kind = named;
                return true;
            }
        }
        kind = default;
        return false;
    }

    public static IEnumerable<string> KindNames => EventKinds.All.Select(k => k.Name());
}
