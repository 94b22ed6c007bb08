namespace LogCorrelator.Diagnose;

/// <summary>
/// A host whose errors fit a server event only with its clock moved: its times run
/// <see cref="OffsetSeconds"/> later than the server's (negative: earlier).
/// </summary>
/// <param name="Assumed">The host's log carried no offset and was read as UTC: the zone is the likely culprit.</param>
/// <param name="Suggestion">The <c>--tz</c> to ingest with, when the zone was assumed.</param>
public sealed record ClockFinding(
    string Host,
    double OffsetSeconds,
    bool Assumed,
    IReadOnlyList<string> Sources,
    string Against,
    IReadOnlyList<string> RuleIds,
    int Explained,
    int Errors,
    string? Suggestion,
    string Text);
