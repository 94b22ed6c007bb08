using LogCorrelator.Events;

namespace LogCorrelator.Query;

/// <summary>
/// What a query returns, whatever renders it (table, JSON, CSV, TUI, diagnosis): the events of
/// the left-hand set that qualified, each with the right-hand events that justified it.
/// </summary>
public sealed record QueryResult(string Query, IReadOnlyList<QueryMatch> Matches);

/// <summary>One qualifying event; <see cref="Related"/> is empty for plain sets and anti-joins.</summary>
public sealed record QueryMatch(StoredEvent Event, IReadOnlyList<RelatedEvent> Related);

/// <summary>A justifying event; <see cref="DeltaSeconds"/> is its time minus the match's time.</summary>
public sealed record RelatedEvent(StoredEvent Event, double DeltaSeconds);
