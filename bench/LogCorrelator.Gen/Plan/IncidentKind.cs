namespace LogCorrelator.Gen.Plan;

/// <summary>The server-side causes the corpus plants: each is followed by a cluster of client errors.</summary>
internal enum IncidentKind
{
    Restart,
    Kill,
}
