namespace LogCorrelator.Diagnose.Rules;

/// <summary>The <c>requires:</c> block of a rule file.</summary>
internal sealed class RequirementDocument
{
    public string? Query { get; set; }
    public string? Where { get; set; }
    public string? Host { get; set; }
    public string? Holds { get; set; }
}
