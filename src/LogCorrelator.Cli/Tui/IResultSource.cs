namespace LogCorrelator.Cli.Tui;

/// <summary>
/// The rows of the current query, read a screen at a time: from the store for a plain set, from the
/// join's result for a relation. Keys are (time, id); pages are in time order.
/// </summary>
internal interface IResultSource
{
    /// <summary>The query as normalised by the parser.</summary>
    string Query { get; }

    /// <summary>What the histogram counts, e.g. "errors" or "errors near restart within 5m".</summary>
    string Label { get; }

    bool IsJoin { get; }

    /// <summary>Whether a time range may be appended to <see cref="Query"/> (it has no range and no pipes).</summary>
    bool CanNarrow { get; }

    long Total { get; }

    /// <summary>
    /// The total when it is known without reading the rows, else null: on a big store counting
    /// takes as long as the first histogram, which the first frame no longer waits for.
    /// </summary>
    long? KnownTotal { get; }

    /// <summary>First and last row time, or null when there are no rows.</summary>
    (long First, long Last)? Extent { get; }

    /// <summary>Rows per bucket from <paramref name="from"/>.</summary>
    long[] Histogram(long from, long bucketMs, int buckets);

    /// <summary>Up to <paramref name="count"/> rows strictly after (or before) the key (time, id), in time order.</summary>
    IReadOnlyList<ResultRow> Page(long time, long id, int count, bool backward);
}
