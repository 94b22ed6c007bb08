namespace LogCorrelator.Cli.Output.Diagnose;

/// <summary>
/// The report as plain strings and numbers, built once from a diagnosis and rendered by the
/// terminal and HTML renderers alike; tests can check either without a store.
/// </summary>
internal sealed record DiagnosisView(
    string Title,
    string Headline,
    string Breakdown,
    IReadOnlyList<CauseView> Causes,
    string? NoCause,
    string UnexplainedHeading,
    IReadOnlyList<GroupRow> Unexplained,
    string? LoginHeading,
    IReadOnlyList<GroupRow> Logins,
    IReadOnlyList<EvidenceRow> ServerLogins,
    IReadOnlyList<string> Clocks,
    IReadOnlyList<string> AssumedClocks,
    string Ranking,
    TimelineView Timeline);

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

/// <summary>One evidence line: when, what (its kind, and its part in the proof when not the obvious one), where (file:line), its text.</summary>
internal sealed record EvidenceRow(string Time, string What, bool IsError, string Where, string Message, string? Note);

/// <summary>Errors with one code on one host.</summary>
internal sealed record GroupRow(string Code, string Host, string Category, int Count, string Times);
