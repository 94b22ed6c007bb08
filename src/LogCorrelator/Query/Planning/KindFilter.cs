using LogCorrelator.Events;

namespace LogCorrelator.Query.Planning;

/// <summary><c>kind = restart</c>, <c>kind != info</c>, <c>kind in (kill, failover)</c>.</summary>
internal sealed record KindFilter(IReadOnlyList<EventKind> Kinds, bool Negated) : Filter;
