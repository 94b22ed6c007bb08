using LogCorrelator.Query.Saved;
using LogCorrelator.Time;

namespace LogCorrelator.Query;

/// <summary>What a query runs with besides its text: the zone its times are written in, and the saved queries <c>@name</c> can use.</summary>
public sealed record QueryOptions
{
    public static QueryOptions Default { get; } = new();

    /// <summary>The zone of the times written in the query (<c>between</c>, <c>since</c>); UTC when null.</summary>
    public ZoneSpec? Zone { get; init; }

    public QueryLibrary Library { get; init; } = QueryLibrary.Empty;
}
