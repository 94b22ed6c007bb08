namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// One relation evaluated over a left set: which left events qualify and, for a positive
/// relation, every right event that justified each (after the rule's where and lag).
/// </summary>
internal sealed class RelationMatch(bool[] matched, List<Related>?[] related, bool usedFallback)
{
    public bool[] Matched { get; } = matched;

    public List<Related>?[] Related { get; } = related;

    /// <summary>The join key found no partner on either side, so the relation ran on time alone.</summary>
    public bool UsedFallback { get; } = usedFallback;
}
