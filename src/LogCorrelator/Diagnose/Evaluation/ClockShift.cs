namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// A host whose errors line up with a server event only when moved by a whole number of quarter
/// hours: <see cref="OffsetMs"/> is how much later than the server its times run (negative: earlier).
/// </summary>
internal sealed record ClockShift(int HostKey, long OffsetMs, int Explained, int Errors, long NearestLagMs, IReadOnlyList<string> RuleIds);
