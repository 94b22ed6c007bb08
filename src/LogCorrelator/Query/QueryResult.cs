using LogCorrelator.Events;

namespace LogCorrelator.Query;

/// <summary>
/// What a query returns, whatever renders it (table, JSON, CSV, TUI, diagnosis): the events of
/// the left-hand set that qualified, each with the right-hand events that justified it; and, after
/// <c>| count</c> or <c>| fields</c>, a table of <see cref="Columns"/> and <see cref="Rows"/>.
/// </summary>
public sealed record QueryResult(string Query, IReadOnlyList<QueryMatch> Matches)
{
    /// <summary>The table's column names; null when the answer is events only.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>
    /// The table's rows, one cell per column: a string, a long (counts, spid, port), a
    /// <see cref="DateTimeOffset"/> (time, time buckets) or null for a field the event lacks.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<object?>>? Rows { get; init; }

    /// <summary>True after <c>| count</c>: the rows are the answer and <see cref="Matches"/> is empty.</summary>
    public bool IsAggregate { get; init; }
}

/// <summary>One qualifying event; <see cref="Related"/> is empty for plain sets and anti-joins.</summary>
public sealed record QueryMatch(StoredEvent Event, IReadOnlyList<RelatedEvent> Related);

/// <summary>A justifying event; <see cref="DeltaSeconds"/> is its time minus the match's time.</summary>
public sealed record RelatedEvent(StoredEvent Event, double DeltaSeconds);
