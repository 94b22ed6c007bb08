using LogCorrelator.Events;

namespace LogCorrelator.Store;

/// <summary>
/// What the planner pushes down to one range scan. Every part is optional; all given parts must
/// hold. Codes match the event's number or its SQLSTATE.
/// </summary>
internal sealed record EventScan
{
    public IReadOnlyList<EventKind>? Kinds { get; init; }
    public IReadOnlyList<int>? Codes { get; init; }
    public IReadOnlyList<string>? SqlStates { get; init; }
    /// <summary>Inclusive lower bound, Unix ms UTC.</summary>
    public long? From { get; init; }
    /// <summary>Inclusive upper bound, Unix ms UTC.</summary>
    public long? To { get; init; }
    /// <summary>Sorted, disjoint time ranges the events must fall in (within From..To); null: no such limit.</summary>
    public IReadOnlyList<(long From, long To)>? Ranges { get; init; }
    /// <summary>The columns to load besides ids and times; a join needs none of them.</summary>
    public ColumnSet Fields { get; init; } = ColumnSet.Numbers;
}
