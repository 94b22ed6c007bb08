using LogCorrelator.Diagnose.Rules;

namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>What one rule found: the errors it explains and the lines that prove it.</summary>
internal sealed record RuleOutcome(
    Rule Rule,
    IReadOnlyList<ExplainedError> Explained,
    IReadOnlyList<long> RequiredRows,
    IReadOnlyList<long> SupportRows,
    bool RequirementMissing,
    bool KeyFallback)
{
    public bool Fired => !RequirementMissing && Explained.Count > 0 && Explained.Count >= Rule.MinErrors;

    public int ClockCorrected => Explained.Count(e => e.ShiftMs != 0);
}
