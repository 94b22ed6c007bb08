namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>
/// Why a rule left one error out: the first of its steps that dropped it and, for <c>unless</c>,
/// the event that excluded it. The account of an unexplained error is worded from these.
/// </summary>
internal readonly record struct Miss(MissStep Step, Related? Event = null);
