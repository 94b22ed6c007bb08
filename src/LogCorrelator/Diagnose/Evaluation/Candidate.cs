namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// The event that came nearest to letting a rule explain an error: for a relation, its nearest
/// right-hand event (<see cref="SameKey"/> false when none came from the error's host and this one
/// is from another); for a quiet rule, the host's last line before the error. Null
/// <see cref="Event"/>: nothing within <see cref="MissDetails.ReachMs"/>'s reach.
/// </summary>
internal readonly record struct Candidate(Related? Event, bool SameKey, long ReachMs);
