using LogCorrelator.Events;

namespace LogCorrelator.Query.Planning;

/// <summary>
/// One range scan of the events table: kinds (null: every kind), codes (an event's number or
/// SQLSTATE in the lists), and a filter whose SQL-able conjuncts join the WHERE clause while the
/// rest (message text, big name sets) run on the loaded rows. The time bounds come at load time.
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
