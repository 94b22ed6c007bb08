namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>An event that relates to an explained error; <see cref="LagMs"/> is tError - tEvent (positive: the error came after).</summary>
internal readonly record struct Related(long EventId, long LagMs);
