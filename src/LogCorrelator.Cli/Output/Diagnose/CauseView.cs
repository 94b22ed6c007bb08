namespace LogCorrelator.Cli.Output.Diagnose;

/// <summary>One ranked cause.</summary>
internal sealed record CauseView(
    int Rank,
    string Id,
    string Title,
    int Explained,
    int Errors,
    double Confidence,
    string Summary,
    IReadOnlyList<EvidenceRow> Evidence,
    string Remedy,
    string Source,
    string? Note,
    string? Overlap);
