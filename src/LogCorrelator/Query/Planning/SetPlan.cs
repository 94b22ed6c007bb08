namespace LogCorrelator.Query.Planning;

/// <summary>How one event set is loaded: scans, a union of sets, or a saved query's set with its conditions.</summary>
internal abstract record SetPlan(string Text);

/// <summary>A named set, with its codes and filters: one scan.</summary>
internal sealed record ScanSetPlan(string Text, ScanPlan Scan) : SetPlan(Text);

/// <summary>A union: each member loaded, merged by time, each event once.</summary>
internal sealed record UnionSetPlan(string Text, IReadOnlyList<SetPlan> Members) : SetPlan(Text);

/// <summary>
/// <c>@name</c>: the saved query's left set within its own time range, kept where its conditions hold.
/// </summary>
internal sealed record ConditionedSetPlan(string Text, SetPlan Left, long? From, long? To, ConditionPlan Condition) : SetPlan(Text);
