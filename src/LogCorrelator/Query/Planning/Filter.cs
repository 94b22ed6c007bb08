namespace LogCorrelator.Query.Planning;

/// <summary>
/// A checked <c>where</c> filter with typed values, ready to become SQL or to run in memory. Every
/// leaf is false for an event that lacks its field (so <c>spid != 5</c> skips events without a
/// spid, and <c>not spid = 5</c> keeps them): the two-valued logic both the SQL and the memory side implement.
/// </summary>
internal abstract record Filter
{
    /// <summary>Whether the whole filter can run inside SQLite.</summary>
    public abstract bool InSql { get; }
}
