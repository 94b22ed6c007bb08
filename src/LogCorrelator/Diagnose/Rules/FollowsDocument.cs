namespace LogCorrelator.Diagnose.Rules;

/// <summary><c>follows:</c> as YAML spells it: the rule whose explained errors start the window, and the window.</summary>
internal sealed class FollowsDocument
{
    public string? Rule { get; set; }
    public List<string>? Within { get; set; }
}
