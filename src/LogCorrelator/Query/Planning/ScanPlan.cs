using LogCorrelator.Events;

namespace LogCorrelator.Query.Planning;

/// <summary>
/// One scan of the event blocks: kinds (null: every kind) and codes (an event's number or SQLSTATE
/// in the lists), which block summaries can decide, and a filter that runs on the decoded rows
/// (<see cref="Execution.ScanRead"/>). The time bounds come at load time.
/// </summary>
internal sealed record ScanPlan(
    string Text,
    IReadOnlyList<EventKind>? Kinds,
    IReadOnlyList<int> Codes,
    IReadOnlyList<string> SqlStates,
    Filter? Filter)
{
    public bool IsPlain => Codes.Count == 0 && SqlStates.Count == 0 && Filter is null;
}
