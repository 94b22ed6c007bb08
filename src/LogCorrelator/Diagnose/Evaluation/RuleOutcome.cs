using LogCorrelator.Diagnose.Rules;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>What one rule found: the errors it explains, the lines that prove it, and why it left each other error out.</summary>
/// <param name="Misses">Error id to the step that dropped it, for every counted error the rule does not explain.</param>
internal sealed record RuleOutcome(
    Rule Rule,
    IReadOnlyList<ExplainedError> Explained,
    IReadOnlyList<long> RequiredRows,
    IReadOnlyList<long> SupportRows,
    bool RequirementMissing,
    bool KeyFallback,
    IReadOnlyDictionary<long, Miss> Misses)
{
    public bool Fired => !RequirementMissing && Explained.Count > 0 && Explained.Count >= Rule.MinErrors;

    public int ClockCorrected => Explained.Count(e => e.ShiftMs != 0);
}
