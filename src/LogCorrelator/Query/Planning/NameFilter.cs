using LogCorrelator.Query.Ast;

namespace LogCorrelator.Query.Planning;

/// <summary>
/// host, peer or source against the store's own ids: the names (or files) that satisfy the
/// comparison are found once at plan time, so a row tests an integer id against a set.
/// <see cref="Negated"/> (for <c>!=</c>) keeps the events that have the field and are not in the set.
/// </summary>
internal sealed record NameFilter(Field Field, IReadOnlySet<int> Ids, bool Negated, string Text) : Filter;
