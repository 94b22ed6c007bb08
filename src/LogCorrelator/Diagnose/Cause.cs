namespace LogCorrelator.Diagnose;

/// <summary>
/// A rule that fired: how many of the incident's errors it explains, the sentence that says how,
/// the lines that prove it and what to do.
/// </summary>
/// <param name="Explained">Errors explained, clock-corrected ones included.</param>
/// <param name="ClockCorrected">How many of them fit only with their host's clock corrected.</param>
/// <param name="Note">A caveat: the key join fell back to time alone, clocks were corrected.</param>
public sealed record Cause(
    string Id,
    string Title,
    int Explained,
    double Confidence,
    string Summary,
    string Description,
    string EvidenceText,
    string Remedy,
    string Seed,
    string Query,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<ExplainedErrorView> Errors,
    IReadOnlyList<Overlap> AlsoExplainedBy,
    int ClockCorrected,
    string? Note);
