using LogCorrelator.Correlate;
using LogCorrelator.Query.Ast;

namespace LogCorrelator.Diagnose.Rules;

/// <summary><c>unless:</c> the query <c>errors RELATION</c> whose matches the rule drops, with the relation's window.</summary>
internal sealed record UnlessRelation(QueryNode Query, TimeWindow Window, bool Negated);
