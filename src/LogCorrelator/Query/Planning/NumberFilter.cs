using LogCorrelator.Query.Ast;

namespace LogCorrelator.Query.Planning;

/// <summary>spid, port, count or the error number compared with numbers (<c>In</c> takes several).</summary>
internal sealed record NumberFilter(Field Field, CompareOp Op, IReadOnlyList<long> Values) : Filter;
