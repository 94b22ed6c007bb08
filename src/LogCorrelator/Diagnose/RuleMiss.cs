using LogCorrelator.Events;

namespace LogCorrelator.Diagnose;

/// <summary>Why one rule does not explain an error, with the event that came nearest when there was one.</summary>
public sealed record RuleMiss(string RuleId, string Why, StoredEvent? Nearest);
