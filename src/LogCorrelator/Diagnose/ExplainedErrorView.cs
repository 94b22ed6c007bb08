using LogCorrelator.Events;

namespace LogCorrelator.Diagnose;

/// <summary>
/// An error a cause explains: <see cref="LagSeconds"/> is how long after its nearest justifying
/// event it came (negative: before), null when the rule relates it to none.
/// <see cref="ShiftSeconds"/> is the clock correction its host needed, 0 when none.
/// </summary>
public sealed record ExplainedErrorView(StoredEvent Error, StoredEvent? Nearest, double? LagSeconds, double ShiftSeconds);
