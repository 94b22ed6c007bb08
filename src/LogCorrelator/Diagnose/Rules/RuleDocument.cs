namespace LogCorrelator.Diagnose.Rules;

/// <summary>
/// A rule file as YAML spells it (grammars/rules/*.yaml). Plain settable properties for the
/// deserializer; <see cref="RuleLoader"/> checks every field and turns it into a <see cref="Rule"/>.
/// </summary>
internal sealed class RuleDocument
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Cause { get; set; }
    public string? Evidence { get; set; }
    public string? Remedy { get; set; }
    public string? Seed { get; set; }
    public double? Confidence { get; set; }
    public string? Query { get; set; }
    public string? Where { get; set; }
    public List<string>? Lag { get; set; }
    public string? QuietBefore { get; set; }
    public string? Settle { get; set; }
    public string? Unless { get; set; }
    public RequirementDocument? Requires { get; set; }
    public List<string>? Also { get; set; }
    public int? MinErrors { get; set; }
    public bool? KeyFallback { get; set; }
    public string? Says { get; set; }
    public FollowsDocument? Follows { get; set; }
    public LifetimeDocument? Lifetime { get; set; }
}
