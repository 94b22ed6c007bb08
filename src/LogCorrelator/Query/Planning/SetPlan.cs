using LogCorrelator.Store;

namespace LogCorrelator.Query.Planning;

/// <summary>One event set as store scans: one scan for a named set; a union may need several, merged by time.</summary>
internal sealed record SetPlan(string Text, IReadOnlyList<EventScan> Scans);
