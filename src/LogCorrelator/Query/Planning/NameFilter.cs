using LogCorrelator.Query.Ast;

namespace LogCorrelator.Query.Planning;

/// <summary>
/// host, peer or source against the store's own ids: the names (or files) that satisfy the
/// comparison are found once at plan time, so SQL tests an integer column with <c>IN</c>.
/// <see cref="Negated"/> (for <c>!=</c>) keeps the events that have the field and are not in the set.
/// </summary>
internal sealed record NameFilter(Field Field, IReadOnlySet<int> Ids, bool Negated, string Text) : Filter
{
    /// <summary>Past this many ids a parameter list stops paying; the set is tested in memory instead.</summary>
    public const int MaxSqlIds = 500;

    public override bool InSql => Ids.Count <= MaxSqlIds;
}
