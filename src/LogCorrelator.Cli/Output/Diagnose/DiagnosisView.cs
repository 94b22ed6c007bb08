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
    TimelineView Timeline,
    string AccountHeading,
    IReadOnlyList<AccountRow> Accounts);
