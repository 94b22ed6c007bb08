using LogCorrelator.Query.Ast;

namespace LogCorrelator.Query.Planning;

/// <summary>All (<c>and</c>) or any (<c>or</c>) of several filters.</summary>
internal sealed record GroupFilter(BoolOp Op, IReadOnlyList<Filter> Items) : Filter;
