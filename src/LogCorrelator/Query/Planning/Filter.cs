namespace LogCorrelator.Query.Planning;

/// <summary>
/// A checked <c>where</c> filter with typed values, run on the decoded rows. Every
/// leaf is false for an event that lacks its field (so <c>spid != 5</c> skips events without a
/// spid, and <c>not spid = 5</c> keeps them): two-valued logic.
/// </summary>
internal abstract record Filter;
