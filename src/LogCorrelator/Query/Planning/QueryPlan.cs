namespace LogCorrelator.Query.Planning;

/// <summary>A parsed query made executable: the left set's scans and, for a relation, the join.</summary>
internal sealed record QueryPlan(string Text, SetPlan Left, JoinPlan? Join);
