using LogCorrelator.Query.Ast;

namespace LogCorrelator.Diagnose.Rules;

/// <summary>The fields a filter compares, each once, in the order written.</summary>
internal static class FilterFields
{
    public static IReadOnlyList<Field> Of(PredicateNode filter) => Walk(filter).Distinct().ToList();

    private static IEnumerable<Field> Walk(PredicateNode node) => node switch
    {
        ComparisonNode comparison => [comparison.Field],
        LogicalNode logical => logical.Items.SelectMany(Walk),
        NotNode not => Walk(not.Item),
        _ => [],
    };
}
