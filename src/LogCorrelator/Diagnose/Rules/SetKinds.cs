using LogCorrelator.Events;
using LogCorrelator.Query.Ast;
using LogCorrelator.Query.Planning;

namespace LogCorrelator.Diagnose.Rules;

/// <summary>What kinds of events a set can hold, read from the checked query (filters and saved queries only narrow it).</summary>
internal static class SetKinds
{
    /// <summary>True when every event of the set is of a kind <paramref name="allowed"/> accepts; <c>events</c> never is.</summary>
    public static bool All(SetNode set, Func<EventKind, bool> allowed) => set switch
    {
        EventSetNode named => QueryPlanner.Kind(named.Name) is EventKind kind && allowed(kind),
        FilteredSetNode filtered => All(filtered.Set, allowed),
        UnionSetNode union => union.Members.All(m => All(m, allowed)),
        ResolvedSetNode saved => All(saved.Query.Left, allowed),
        _ => false,
    };
}
