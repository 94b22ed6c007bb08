namespace LogCorrelator.Diagnose.Evaluation;

/// <summary>The step of a rule that dropped an error, in the order <see cref="RuleEvaluator"/> runs them.</summary>
internal enum MissStep
{
    /// <summary>The rule's query does not take this error (another code, outside its time range).</summary>
    NotInSet,
    /// <summary>No event of the relation's right side within its window (or lag).</summary>
    Relation,
    /// <summary>No error the rule it follows explained within its consequence window before it.</summary>
    Follows,
    /// <summary>Its host was not quiet long enough before it.</summary>
    Quiet,
    /// <summary>An <c>unless</c> event is near it: another rule's territory.</summary>
    Unless,
    /// <summary>The standing fact the rule requires is not in the logs.</summary>
    Requires,
    /// <summary>It fits, but fewer errors fit than the rule's <c>minErrors</c>.</summary>
    TooFew,
}
